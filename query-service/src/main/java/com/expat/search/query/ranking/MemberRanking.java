package com.expat.search.query.ranking;

/**
 * How members are ranked, as Solr functions so that Solr sorts and pages. The service asks for a
 * {@link RankingPlan} per request; the ranking module's model replaces {@link
 * MemberRankings#simple()} behind this interface. Implementations are stateless and thread-safe.
 */
public interface MemberRanking {

  /** Boosts added to the text relevance of {@code GET /v1/members/search}. */
  RankingPlan search(RankingContext context);

  /** The whole score of {@code GET /v1/members/{id}/matches}. */
  RankingPlan matches(RankingContext context);
}
