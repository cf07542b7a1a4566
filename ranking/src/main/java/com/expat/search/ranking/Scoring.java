package com.expat.search.ranking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One request's weights, shared by all its {@link Ranked} items, and which reasons they give. The score is {@code Σ weight_i × value_i} in feature order, so that an
 * explanation recomputing the contributions in the same order sums to exactly the score.
 */
final class Scoring<T> {
  /** Turns one item's feature values into reasons, strongest contribution first. */
  interface Reasons<T> {
    /** The reason for {@code feature}'s value, or null for none. */
    Reason reason(RankingFeature feature, T item, double value);
  }

  private final RankingFeature[] features;
  private final double[] weights;
  private final Reasons<T> reasons;

  Scoring(RankingFeature[] features, double[] weights, Reasons<T> reasons) {
    this.features = features;
    this.weights = weights;
    this.reasons = reasons;
  }

  double score(double[] values) {
    double score = 0;
    for (int i = 0; i < values.length; i++) {
      score += weights[i] * values[i];
    }
    return score;
  }

  int indexOf(RankingFeature feature) {
    for (int i = 0; i < features.length; i++) {
      if (features[i] == feature) {
        return i;
      }
    }
    return -1;
  }

  Explanation explain(T item, double[] values) {
    List<Contribution> contributions = new ArrayList<>(features.length);
    double score = 0;
    for (int i = 0; i < features.length; i++) {
      double contribution = weights[i] * values[i];
      score += contribution;
      contributions.add(new Contribution(features[i].id(), values[i], weights[i], contribution));
    }
    Integer[] order = new Integer[features.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    // strongest first; stable, so equal contributions keep model order
    Arrays.sort(order, (a, b) -> Double.compare(weights[b] * values[b], weights[a] * values[a]));
    List<Reason> found = new ArrayList<>();
    for (int i : order) {
      if (weights[i] * values[i] > 0) {
        Reason reason = reasons.reason(features[i], item, values[i]);
        if (reason != null) {
          found.add(reason);
        }
      }
    }
    return new Explanation(score, contributions, found);
  }
}
