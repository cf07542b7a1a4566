package com.expat.search.query.ranking;

import static com.expat.search.common.solr.MemberFields.*;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * First-cut ranking with hand-set weights, until the ranking module's model replaces it:
 *
 * <ul>
 *   <li>{@code shared_interests}: the seeker's interests the member has, each weighted (rarer
 *       heavier), as a share of the seeker's total weight;
 *   <li>{@code shared_languages}: share of the seeker's languages the member speaks;
 *   <li>{@code same_city} (search only): lives in the seeker's city;
 *   <li>{@code proximity}: {@code w / (1 + km / 25)} from the origin, when one is known;
 *   <li>{@code recent_activity}: halves 30 days after last activity;
 *   <li>{@code newness} (matches only): halves 100 days after joining;
 *   <li>{@code profile_quality}: the indexer's 0..1 quality.
 * </ul>
 */
final class SimpleMemberRanking implements MemberRanking {
  private static final double MS_PER_30_DAYS = 30d * 24 * 3600 * 1000;
  private static final double MS_PER_100_DAYS = 100d * 24 * 3600 * 1000;

  @Override
  public RankingPlan search(RankingContext context) {
    PlanBuilder plan = new PlanBuilder();
    plan.shared("shared_interests", INTERESTS, context.interestWeights(), 1.0);
    plan.shared("shared_languages", LANGUAGES, uniform(context.languages()), 0.6);
    context.cityId().ifPresent(city ->
        plan.constantQuery("same_city", CITY_ID + ":" + city, 0.5));
    context.origin().ifPresent(origin -> plan.proximity(1.0));
    plan.recency("recent_activity", LAST_ACTIVE_AT, MS_PER_30_DAYS, 0.5);
    plan.add("profile_quality", "product(0.3," + PROFILE_QUALITY + ")");
    return plan.build();
  }

  @Override
  public RankingPlan matches(RankingContext context) {
    PlanBuilder plan = new PlanBuilder();
    plan.shared("shared_interests", INTERESTS, context.interestWeights(), 3.0);
    plan.shared("shared_languages", LANGUAGES, uniform(context.languages()), 1.0);
    context.origin().ifPresent(origin -> plan.proximity(1.5));
    plan.recency("recent_activity", LAST_ACTIVE_AT, MS_PER_30_DAYS, 1.0);
    plan.recency("newness", CREATED_AT, MS_PER_100_DAYS, 0.5);
    plan.add("profile_quality", "product(0.3," + PROFILE_QUALITY + ")");
    return plan.build();
  }

  private static Map<String, Double> uniform(Iterable<String> values) {
    Map<String, Double> weights = new LinkedHashMap<>();
    values.forEach(value -> weights.put(value, 1.0));
    return weights;
  }

}
