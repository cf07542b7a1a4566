package com.expat.search.ranking.features;

/**
 * A count that helps less and less: {@code n / (n + half)}, 0 for none, 0.5 at {@code half},
 * approaching 1. Used for contacts attending and for popularity (attendees going). Never lower
 * for a larger count.
 */
public final class Saturation {
  private Saturation() {}

  /**
   * @param count at least 0 (negative is read as 0)
   * @param half the count worth 0.5, > 0
   */
  public static double value(double count, double half) {
    requireHalf(half);
    double n = Math.max(count, 0);
    return n / (n + half);
  }

  private static void requireHalf(double half) {
    if (!(half > 0 && Double.isFinite(half))) {
      throw new IllegalArgumentException("saturation half must be positive, was " + half);
    }
  }
}
