package com.expat.search.bench.load;

import java.time.Duration;
import java.util.Objects;

/**
 * The outcome of one rate of a sweep.
 *
 * @param targetRate requests per second the schedule asked for
 * @param measured the measured window (warm-up excluded)
 * @param scheduled requests whose intended time fell in the measured window
 * @param completed of those, answered with a 2xx or 3xx status
 * @param latencies their latencies and errors
 */
public record RateStep(double targetRate, Duration measured, long scheduled, long completed, Latencies latencies) {
  public RateStep {
    Objects.requireNonNull(measured, "measured");
    Objects.requireNonNull(latencies, "latencies");
  }

  /** Successful answers per second over the measured window. */
  public double throughput() {
    double seconds = measured.toNanos() / 1e9;
    return seconds <= 0 ? 0 : completed / seconds;
  }
}
