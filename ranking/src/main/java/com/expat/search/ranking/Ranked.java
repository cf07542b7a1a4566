package com.expat.search.ranking;

import java.util.Arrays;

/**
 * One ranked item: the member or event, its score and, on demand, its {@link #explanation()}
 * (computed when asked, so ranking a few hundred candidates builds no text). Immutable and
 * thread-safe.
 *
 * @param <T> {@link com.expat.search.ranking.signals.MemberSignals} or {@link
 *     com.expat.search.ranking.signals.EventSignals}
 */
public final class Ranked<T> {
  private final T item;
  private final double score;
  private final double[] values;
  private final Scoring<T> scoring;

  Ranked(T item, double[] values, Scoring<T> scoring) {
    this.item = item;
    this.values = values;
    this.scoring = scoring;
    this.score = scoring.score(values);
  }

  public T item() {
    return item;
  }

  /** {@code Σ weight × value} over the model's features; >= 0. */
  public double score() {
    return score;
  }

  /**
   * The value of {@code feature} for this item, in [0, 1].
   *
   * @throws IllegalArgumentException when the feature is not one of this model's (a member feature
   *     asked of an event)
   */
  public double value(RankingFeature feature) {
    int index = scoring.indexOf(feature);
    if (index < 0) {
      throw new IllegalArgumentException(feature.id() + " is not a feature of this ranking");
    }
    return values[index];
  }

  /** The score by feature, summing exactly to {@link #score()}, with reasons for people. */
  public Explanation explanation() {
    return scoring.explain(item, values);
  }

  @Override
  public String toString() {
    return "Ranked[" + item + ", score=" + score + ", values=" + Arrays.toString(values) + "]";
  }
}
