package com.expat.search.bench.load;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Draws ranks {@code 0..n-1} with probability proportional to {@code 1 / (rank + 1)^exponent}, or
 * indexes with probability proportional to given weights. Immutable; the caller's random stream
 * makes the draws (so the same seed gives the same draws).
 */
public final class Zipf {
  private final double[] cumulative;

  private Zipf(double[] cumulative) {
    this.cumulative = cumulative;
  }

  /** Zipf over {@code n} ranks. */
  public static Zipf ranks(int n, double exponent) {
    if (n < 1) {
      throw new IllegalArgumentException("n = " + n + ", expected >= 1");
    }
    double[] weights = new double[n];
    for (int i = 0; i < n; i++) {
      weights[i] = 1 / Math.pow(i + 1, exponent);
    }
    return weighted(weights);
  }

  /** Index {@code i} with probability {@code weights[i] / sum}; weights must be >= 0, sum > 0. */
  public static Zipf weighted(double[] weights) {
    double[] cumulative = new double[weights.length];
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      if (!(weights[i] >= 0)) {
        throw new IllegalArgumentException("weights[" + i + "] = " + weights[i] + ", expected >= 0");
      }
      sum += weights[i];
      cumulative[i] = sum;
    }
    if (!(sum > 0)) {
      throw new IllegalArgumentException("weights sum to " + sum + ", expected > 0");
    }
    return new Zipf(cumulative);
  }

  public int size() {
    return cumulative.length;
  }

  public int next(RandomGenerator random) {
    double target = random.nextDouble() * cumulative[cumulative.length - 1];
    int index = Arrays.binarySearch(cumulative, target);
    index = index >= 0 ? index + 1 : -index - 1;
    return Math.min(index, cumulative.length - 1);
  }
}
