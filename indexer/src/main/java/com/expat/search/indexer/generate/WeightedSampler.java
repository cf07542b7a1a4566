package com.expat.search.indexer.generate;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/** Draws an index with probability proportional to its weight (cumulative sums, binary search). */
final class WeightedSampler {
  private final double[] cumulative;

  WeightedSampler(double[] weights) {
    cumulative = new double[weights.length];
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
        throw new IllegalArgumentException("weight[" + i + "] = " + weights[i] + " is not >= 0");
      }
      sum += weights[i];
      cumulative[i] = sum;
    }
    if (!(sum > 0)) {
      throw new IllegalArgumentException("weights sum to " + sum + ", expected > 0");
    }
  }

  /** Weights 1 / (rank + 1)^exponent for ranks 0..size-1: a Zipf distribution. */
  static WeightedSampler zipf(int size, double exponent) {
    double[] weights = new double[size];
    for (int rank = 0; rank < size; rank++) {
      weights[rank] = 1 / Math.pow(rank + 1, exponent);
    }
    return new WeightedSampler(weights);
  }

  int size() {
    return cumulative.length;
  }

  double probability(int index) {
    double previous = index == 0 ? 0 : cumulative[index - 1];
    return (cumulative[index] - previous) / cumulative[cumulative.length - 1];
  }

  int sample(RandomGenerator random) {
    double target = random.nextDouble() * cumulative[cumulative.length - 1];
    int index = Arrays.binarySearch(cumulative, target);
    index = index >= 0 ? index + 1 : -index - 1;
    // Skip zero-weight entries that share the cumulative value, and guard rounding at the end.
    while (index < cumulative.length - 1
        && cumulative[index] == (index == 0 ? 0 : cumulative[index - 1])) {
      index++;
    }
    return Math.min(index, cumulative.length - 1);
  }
}
