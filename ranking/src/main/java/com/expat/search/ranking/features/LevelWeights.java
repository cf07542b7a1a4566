package com.expat.search.ranking.features;

import com.expat.search.ranking.signals.LanguageLevel;

/**
 * How much each {@link LanguageLevel} counts, in (0, 1] and never more for a weaker level. A
 * profile parameter.
 *
 * @throws IllegalArgumentException when a weight is outside (0, 1] or a weaker level weighs more
 */
public record LevelWeights(double nativeLevel, double fluent, double intermediate, double basic) {
  public LevelWeights {
    check("native", nativeLevel);
    check("fluent", fluent);
    check("intermediate", intermediate);
    check("basic", basic);
    if (fluent > nativeLevel || intermediate > fluent || basic > intermediate) {
      throw new IllegalArgumentException("language level weights must not grow as the level weakens: native "
          + nativeLevel + ", fluent " + fluent + ", intermediate " + intermediate + ", basic " + basic);
    }
  }

  /** The weight of {@code level}; 0 for null (does not speak it). */
  public double weight(LanguageLevel level) {
    if (level == null) {
      return 0;
    }
    return switch (level) {
      case NATIVE -> nativeLevel;
      case FLUENT -> fluent;
      case INTERMEDIATE -> intermediate;
      case BASIC -> basic;
    };
  }

  private static void check(String level, double weight) {
    if (!(weight > 0 && weight <= 1)) {
      throw new IllegalArgumentException("language level weight " + level + " must be in (0, 1], was " + weight);
    }
  }
}
