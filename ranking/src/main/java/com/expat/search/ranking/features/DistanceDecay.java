package com.expat.search.ranking.features;

import com.expat.search.ranking.signals.LatLon;

/**
 * Closeness: {@code exp(-km / scaleKm)}, 1 at the same place, about 0.37 at one scale, 0.05 at
 * three. Smooth and never increasing with distance; an unknown place counts 0.
 */
public final class DistanceDecay {
  private DistanceDecay() {}

  /**
   * @param km distance, at least 0 (negative is read as 0, NaN as unknown)
   * @param scaleKm the e-folding distance, > 0
   * @return a value in [0, 1]
   */
  public static double value(double km, double scaleKm) {
    requireScale(scaleKm);
    if (Double.isNaN(km)) {
      return 0;
    }
    return Math.exp(Math.max(km, 0) / -scaleKm);
  }

  /** The value between two places, 0 when either is unknown (null). */
  public static double value(LatLon from, LatLon to, double scaleKm) {
    requireScale(scaleKm);
    if (from == null || to == null) {
      return 0;
    }
    return value(from.distanceKm(to), scaleKm);
  }

  private static void requireScale(double scaleKm) {
    if (!(scaleKm > 0 && Double.isFinite(scaleKm))) {
      throw new IllegalArgumentException("distance scale must be a positive number of km, was " + scaleKm);
    }
  }
}
