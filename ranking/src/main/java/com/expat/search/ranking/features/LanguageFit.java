package com.expat.search.ranking.features;

import com.expat.search.ranking.signals.LanguageLevel;
import java.util.Map;

/**
 * How well two members can talk: each language both speak gives {@code w(my level) × w(their
 * level)} ({@link LevelWeights}), so two native or fluent speakers count more than a native and a
 * beginner; several shared languages combine as a noisy-or, {@code 1 - Π(1 - pair)}. In [0, 1],
 * symmetric, and never lower for one more shared language or a stronger level on either side.
 *
 * <p>The index keeps levels in {@code language_levels} (docValues only); the ranking inside Solr
 * reads them into columns and calls {@link #pair} and {@link #andNot} ({@code ColumnPrerank}).
 */
public final class LanguageFit {
  private LanguageFit() {}

  public static double value(
      Map<String, LanguageLevel> mine, Map<String, LanguageLevel> theirs, LevelWeights weights) {
    double none = 1;
    for (Map.Entry<String, LanguageLevel> entry : mine.entrySet()) {
      LanguageLevel other = theirs.get(entry.getKey());
      if (other != null) {
        none = andNot(none, pair(entry.getValue(), other, weights));
      }
    }
    return 1 - none;
  }

  /** What one language both speak gives: the product of the two levels' weights. */
  public static double pair(LanguageLevel mine, LanguageLevel theirs, LevelWeights weights) {
    return weights.weight(mine) * weights.weight(theirs);
  }

  /**
   * One step of the noisy-or: the chance that no language so far carries the talk ({@code none},
   * 1 before any), times that this {@code pair} does not either. The value is {@code 1 - none}
   * after every shared language.
   */
  public static double andNot(double none, double pair) {
    return none * (1 - pair);
  }

  /**
   * The language the two share best (highest pair weight; then by code), or null when they share
   * none; for reasons such as "both speak Spanish (native)".
   */
  public static String best(Map<String, LanguageLevel> mine, Map<String, LanguageLevel> theirs, LevelWeights weights) {
    String best = null;
    double bestPair = 0;
    for (Map.Entry<String, LanguageLevel> entry : mine.entrySet()) {
      LanguageLevel other = theirs.get(entry.getKey());
      if (other == null) {
        continue;
      }
      double pair = weights.weight(entry.getValue()) * weights.weight(other);
      if (pair > bestPair || (pair == bestPair && best != null && entry.getKey().compareTo(best) < 0)) {
        best = entry.getKey();
        bestPair = pair;
      }
    }
    return best;
  }
}
