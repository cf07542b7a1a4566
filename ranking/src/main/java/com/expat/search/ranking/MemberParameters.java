package com.expat.search.ranking;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * How a profile ranks members: a weight for every {@link MemberFeature} and the features' scales.
 * Immutable.
 *
 * @param weights every member feature with a finite weight >= 0
 * @param distanceScaleKm distance at which closeness falls to 1/e, > 0
 * @param activityHalfLife time since last activity at which it counts half, > 0
 * @param newnessHalfLife account age at which newness counts half, > 0
 * @throws IllegalArgumentException naming the feature or parameter that is missing or bad
 */
public record MemberParameters(
    Map<MemberFeature, Double> weights,
    double distanceScaleKm,
    Duration activityHalfLife,
    Duration newnessHalfLife) {

  public MemberParameters {
    weights = Weights.complete(MemberFeature.class, weights);
    Weights.positive("distance_scale_km", distanceScaleKm);
    Weights.positive("activity_half_life_days", activityHalfLife);
    Weights.positive("newness_half_life_days", newnessHalfLife);
  }

  public double weight(MemberFeature feature) {
    return weights.get(feature);
  }

  /** Checks shared by the parameter records. */
  static final class Weights {
    private Weights() {}

    static <F extends Enum<F> & RankingFeature> Map<F, Double> complete(Class<F> type, Map<F, Double> weights) {
      EnumMap<F, Double> copy = new EnumMap<>(type);
      for (F feature : type.getEnumConstants()) {
        Double weight = weights == null ? null : weights.get(feature);
        if (weight == null) {
          throw new IllegalArgumentException("no weight for feature " + feature.id());
        }
        if (!(weight >= 0 && Double.isFinite(weight))) {
          throw new IllegalArgumentException("weight of feature " + feature.id() + " must be a number >= 0, was " + weight);
        }
        copy.put(feature, weight);
      }
      return Collections.unmodifiableMap(copy);
    }

    static void positive(String name, double value) {
      if (!(value > 0 && Double.isFinite(value))) {
        throw new IllegalArgumentException(name + " must be a positive number, was " + value);
      }
    }

    static void positive(String name, Duration value) {
      if (value == null || value.isZero() || value.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive, was " + value);
      }
    }
  }
}
