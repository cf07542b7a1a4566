package com.expat.search.ranking.features;

import java.time.Duration;
import java.time.Instant;

/**
 * How soon an event starts: {@code 2^(-timeToStart / halfLife)} for an event still to start, 0 for
 * one that has started (events that have ended are not ranked at all). Sooner never scores lower.
 */
public final class StartTime {
  private StartTime() {}

  /** @return a value in [0, 1] */
  public static double value(Instant startsAt, Instant now, Duration halfLife) {
    return value(startsAt.toEpochMilli(), now.toEpochMilli(), HalfLifeDecay.rate(halfLife));
  }

  /**
   * The same over epoch milliseconds, for columns of dates read without objects.
   *
   * @param rate {@link HalfLifeDecay#rate} of the half-life
   */
  public static double value(long startsAtMs, long nowMs, double rate) {
    double aheadMs = startsAtMs - nowMs;
    return aheadMs > 0 ? Math.exp(aheadMs * rate) : 0;
  }
}
