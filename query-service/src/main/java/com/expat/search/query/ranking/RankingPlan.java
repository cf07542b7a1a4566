package com.expat.search.query.ranking;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.params.ModifiableSolrParams;

/**
 * The features of one ranked request, with the extra Solr parameters their functions refer to
 * ({@code $name}). Applied either as additive boosts on a text query ({@link #applyAsBoosts}) or
 * as the whole score ({@link #applyAsScore}); either way each feature is also returned per
 * document, so that {@link #explain} can break the score down.
 */
public record RankingPlan(List<Feature> features, Map<String, String> params) {
  /** Name of the contribution of text relevance in {@code explain}. */
  public static final String TEXT = "text";

  private static final String FIELD_PREFIX = "rank_";

  public RankingPlan {
    features = List.copyOf(features);
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  /** Adds each feature as an edismax {@code bf}: score = text relevance + features. */
  public void applyAsBoosts(ModifiableSolrParams solr) {
    features.forEach(feature -> solr.add("bf", feature.function()));
    addShared(solr);
  }

  /** Makes the sum of the features the score: {@code q={!func}sum(...)} matching every document. */
  public void applyAsScore(ModifiableSolrParams solr) {
    List<String> functions = new ArrayList<>();
    functions.add("0");
    features.forEach(feature -> functions.add(feature.function()));
    solr.set("q", "{!func v=$rank_score}");
    solr.set("rank_score", "sum(" + String.join(",", functions) + ")");
    addShared(solr);
  }

  private void addShared(ModifiableSolrParams solr) {
    params.forEach(solr::set);
    features.forEach(f -> solr.add("fl", FIELD_PREFIX + f.name() + ":" + f.function()));
  }

  /**
   * The score of {@code doc} by feature, in plan order; with {@code textQuery}, {@value #TEXT}
   * takes what the features leave, so that the values always sum to {@code score}.
   */
  public Map<String, Double> explain(SolrDocument doc, double score, boolean textQuery) {
    Map<String, Double> result = new LinkedHashMap<>();
    double features = 0;
    for (Feature feature : this.features) {
      Object value = doc.getFirstValue(FIELD_PREFIX + feature.name());
      double contribution = value instanceof Number n ? round(n.doubleValue()) : 0;
      result.put(feature.name(), contribution);
      features += contribution;
    }
    if (textQuery) {
      Map<String, Double> withText = new LinkedHashMap<>();
      withText.put(TEXT, score - features);
      withText.putAll(result);
      return withText;
    }
    // Float rounding in Solr: give the remainder to the largest feature so the sum is exact.
    double remainder = score - features;
    if (remainder != 0 && !result.isEmpty()) {
      String largest = Collections.max(result.entrySet(), Map.Entry.comparingByValue()).getKey();
      result.merge(largest, remainder, Double::sum);
    }
    return result;
  }

  private static double round(double value) {
    return Math.round(value * 1e6) / 1e6;
  }
}
