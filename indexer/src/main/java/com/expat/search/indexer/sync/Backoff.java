package com.expat.search.indexer.sync;

import com.expat.search.common.config.ConfigException;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter for passing failures: attempt {@code n} waits between half and
 * all of {@code min(max, base * 2^n)}, so that several indexers do not retry in step.
 */
public record Backoff(Duration base, Duration max) {
  public Backoff {
    if (base.isNegative() || base.isZero()) {
      throw new ConfigException("retry base delay must be positive, was " + base);
    }
    if (max.compareTo(base) < 0) {
      throw new ConfigException("retry max delay " + max + " is below the base delay " + base);
    }
  }

  /** The wait before retry number {@code attempt} (0 for the first retry). */
  public Duration delay(int attempt, RandomGenerator random) {
    long ceiling = max.toMillis();
    long exponential = base.toMillis() << Math.min(Math.max(attempt, 0), 30);
    long capped = exponential <= 0 ? ceiling : Math.min(ceiling, exponential);
    long half = capped / 2;
    return Duration.ofMillis(half + random.nextLong(capped - half + 1));
  }
}
