package com.expat.search.query.ranking;

import static com.expat.search.common.solr.MemberFields.*;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.solr.client.solrj.util.ClientUtils;

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
    Builder plan = new Builder();
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
    Builder plan = new Builder();
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

  private static final class Builder {
    private final List<Feature> features = new ArrayList<>();
    private final Map<String, String> params = new LinkedHashMap<>();

    void add(String name, String function) {
      features.add(new Feature(name, function));
    }

    /** Sum over values of weight-share when the document has the value: {@code w * Σ w_i / Σ w}. */
    void shared(String name, String field, Map<String, Double> weights, double weight) {
      double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
      if (weights.isEmpty() || total <= 0) {
        return;
      }
      List<String> terms = new ArrayList<>();
      int i = 0;
      for (String value : new TreeSet<>(weights.keySet())) {
        double share = weight * weights.get(value) / total;
        String param = "rank_" + name + "_" + i++;
        params.put(param, field + ":" + ClientUtils.escapeQueryChars(value) + "^=" + number(share));
        terms.add("query($" + param + ",0)");
      }
      add(name, "sum(0," + String.join(",", terms) + ")");
    }

    void constantQuery(String name, String query, double weight) {
      String param = "rank_" + name;
      params.put(param, query + "^=" + number(weight));
      add(name, "query($" + param + ",0)");
    }

    /** Uses the request's {@code sfield}/{@code pt}; the caller sets them. */
    void proximity(double weight) {
      add("proximity", "recip(geodist()," + number(1 / 25d) + "," + number(weight) + ",1)");
    }

    void recency(String name, String dateField, double halfLifeMs, double weight) {
      add(name, "recip(ms(NOW/HOUR," + dateField + ")," + number(1 / halfLifeMs) + "," + number(weight) + ",1)");
    }

    RankingPlan build() {
      return new RankingPlan(features, params);
    }

    private static String number(double value) {
      return new BigDecimal(value, new MathContext(6)).stripTrailingZeros().toPlainString();
    }
  }
}
