package com.expat.search.ranking.features;

/**
 * Meeting is mutual: the harmonic mean {@code 2ab / (a + b)} of how well each side fits the other.
 * High only when both directions are, 0 when either is; symmetric and never lower when either
 * direction grows. Inputs in [0, 1] give a value in [0, 1].
 */
public final class Reciprocal {
  private Reciprocal() {}

  public static double harmonicMean(double mineInTheirs, double theirsInMine) {
    double sum = mineInTheirs + theirsInMine;
    return sum <= 0 ? 0 : 2 * mineInTheirs * theirsInMine / sum;
  }
}
