package com.expat.search.query.ranking;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.solr.client.solrj.util.ClientUtils;

/**
 * Builds a {@link RankingPlan} from weighted features expressed as Solr functions. Each call
 * adds one feature; values reach Solr only as parameters referenced by name. Not thread-safe:
 * one per request.
 */
public final class PlanBuilder {
  private final List<Feature> features = new ArrayList<>();
  private final Map<String, String> params = new LinkedHashMap<>();

  public void add(String name, String function) {
    features.add(new Feature(name, function));
  }

  /** Sum over values of weight-share when the document has the value: {@code w * Σ w_i / Σ w}. */
  public void shared(String name, String field, Map<String, Double> weights, double weight) {
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

  public void constantQuery(String name, String query, double weight) {
    String param = "rank_" + name;
    params.put(param, query + "^=" + number(weight));
    add(name, "query($" + param + ",0)");
  }

  /** Uses the request's {@code sfield}/{@code pt}; the caller sets them. */
  public void proximity(double weight) {
    add("proximity", "recip(geodist()," + number(1 / 25d) + "," + number(weight) + ",1)");
  }

  public void recency(String name, String dateField, double halfLifeMs, double weight) {
    add(name, "recip(ms(NOW/HOUR," + dateField + ")," + number(1 / halfLifeMs) + "," + number(weight) + ",1)");
  }

  /** A parameter the features' functions refer to as {@code $name}. */
  public void param(String name, String value) {
    params.put(name, value);
  }

  public RankingPlan build() {
    return new RankingPlan(features, params);
  }

  /** A decimal with six significant digits, plain, for a Solr function. */
  public static String number(double value) {
    return new BigDecimal(value, new MathContext(6)).stripTrailingZeros().toPlainString();
  }
}
