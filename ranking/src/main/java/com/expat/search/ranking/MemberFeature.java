package com.expat.search.ranking;

import java.util.Optional;

/**
 * The features that rank members (matches and member search), each a value in [0, 1].
 *
 * <ul>
 *   <li>{@code text}: Solr's text score over the best score of the result (0 without query text);
 *   <li>{@code distance}: {@code exp(-km / distance_scale_km)} from the viewer's origin;
 *   <li>{@code shared_interests}: the share of the viewer's rarity-weighted interests the member
 *       has ({@code idf = ln(1 + N/df)});
 *   <li>{@code reciprocal_interests}: harmonic mean of that share and the reverse one (how much of
 *       the member's interests the viewer has): meeting is mutual;
 *   <li>{@code shared_languages}: noisy-or over shared languages of the product of both levels'
 *       weights;
 *   <li>{@code recent_activity}: halves every {@code activity_half_life_days} since last activity;
 *   <li>{@code newness}: halves every {@code newness_half_life_days} of account age;
 *   <li>{@code profile_quality}: the indexer's {@link ProfileQuality}.
 * </ul>
 */
public enum MemberFeature implements RankingFeature {
  TEXT("text", false),
  DISTANCE("distance", true),
  SHARED_INTERESTS("shared_interests", true),
  RECIPROCAL_INTERESTS("reciprocal_interests", false),
  SHARED_LANGUAGES("shared_languages", false),
  RECENT_ACTIVITY("recent_activity", true),
  NEWNESS("newness", true),
  PROFILE_QUALITY("profile_quality", true);

  private final String id;
  private final boolean solrComputable;

  MemberFeature(String id, boolean solrComputable) {
    this.id = id;
    this.solrComputable = solrComputable;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public boolean solrComputable() {
    return solrComputable;
  }

  /** The feature named {@code id}; empty for any other name. */
  public static Optional<MemberFeature> byId(String id) {
    for (MemberFeature feature : values()) {
      if (feature.id.equals(id)) {
        return Optional.of(feature);
      }
    }
    return Optional.empty();
  }
}
