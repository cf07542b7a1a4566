package com.expat.search.lab;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap intervals of a mean over queries: resample the per-query values with
 * replacement, take each resample's mean, and read the interval off their percentiles (Efron and
 * Tibshirani 1993, ch. 13). For a difference between two rankers on the same queries, pass the
 * per-query differences (a paired bootstrap). Deterministic for a seed. Stateless.
 */
public final class Bootstrap {
  /** Resamples by default: enough for two stable decimals at the 95 % percentiles. */
  public static final int RESAMPLES = 2_000;

  private Bootstrap() {}

  /** A mean with its interval; NaN everywhere when there were no values. */
  public record Interval(double mean, double low, double high, int n) {
    /** Whether the interval leaves out zero (the difference is unlikely to be chance). */
    public boolean excludesZero() {
      return n > 0 && (low > 0 || high < 0);
    }
  }

  /**
   * @param level the interval's coverage, e.g. 0.95
   * @throws IllegalArgumentException naming the bad argument
   */
  public static Interval mean(double[] values, double level, int resamples, long seed) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level = " + level + ", expected in (0, 1)");
    }
    if (resamples < 1) {
      throw new IllegalArgumentException("resamples = " + resamples + ", expected >= 1");
    }
    int n = values.length;
    if (n == 0) {
      return new Interval(Double.NaN, Double.NaN, Double.NaN, 0);
    }
    double mean = Arrays.stream(values).average().orElseThrow();
    SplittableRandom random = new SplittableRandom(seed);
    double[] means = new double[resamples];
    for (int r = 0; r < resamples; r++) {
      double sum = 0;
      for (int i = 0; i < n; i++) {
        sum += values[random.nextInt(n)];
      }
      means[r] = sum / n;
    }
    Arrays.sort(means);
    double tail = (1 - level) / 2;
    return new Interval(mean, percentile(means, tail), percentile(means, 1 - tail), n);
  }

  /** 95 % with {@link #RESAMPLES} resamples and a fixed seed, so a page shows the same interval twice. */
  public static Interval mean95(double[] values) {
    return mean(values, 0.95, RESAMPLES, 42);
  }

  private static double percentile(double[] sorted, double p) {
    int index = (int) Math.floor(p * (sorted.length - 1));
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
