package com.expat.search.ranking;

/**
 * A named ranking feature: its {@link #id()} is its name in profiles and in {@code explain}. The
 * closed set is {@link MemberFeature} and {@link EventFeature}.
 */
public sealed interface RankingFeature permits MemberFeature, EventFeature {
  /** snake_case name, e.g. {@code shared_interests}. */
  String id();

  /**
   * Whether Solr can compute it as a function query ({@code com.expat.search.ranking.solr}), so
   * that candidates can be fetched in roughly the final order; the others are computed in Java.
   */
  boolean solrComputable();
}
