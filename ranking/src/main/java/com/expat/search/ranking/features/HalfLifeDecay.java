package com.expat.search.ranking.features;

import java.time.Duration;
import java.time.Instant;

/**
 * Freshness of a past moment: {@code 2^(-age / halfLife)}, 1 now, 0.5 one half-life ago. Used for
 * recent activity ({@code last_active_at}) and for newness ({@code created_at}: helps newcomers).
 * A moment in the future (clock skew) counts as now; an unknown one counts 0.
 */
public final class HalfLifeDecay {
  private HalfLifeDecay() {}

  /**
   * @param since the moment; null when unknown
   * @param now the time of the request
   * @param halfLife positive
   * @return a value in [0, 1], never increasing as {@code since} gets older
   */
  public static double value(Instant since, Instant now, Duration halfLife) {
    double rate = rate(halfLife);
    if (since == null) {
      return 0;
    }
    return value(since.toEpochMilli(), now.toEpochMilli(), rate);
  }

  /**
   * The same over epoch milliseconds, for columns of dates read without objects.
   *
   * @param rate {@link #rate(Duration)} of the half-life
   */
  public static double value(long sinceMs, long nowMs, double rate) {
    double ageMs = Math.max(nowMs - sinceMs, 0);
    return Math.exp(ageMs * rate);
  }

  /**
   * {@code exp((atMs - sinceMs) × rate)}: the decay from {@code sinceMs} to {@code atMs} without
   * the clamp of a future moment. For {@code since < now} and any {@code anchor}, {@link
   * #value(long, long, double)} is {@code unclamped(anchor, now) × unclamped(since, anchor)}: the
   * second factor does not depend on the request's time, so a column of them serves every request
   * with a multiplication instead of an exponential ({@code ranking.solr.DecayColumn}).
   */
  public static double unclamped(long sinceMs, long atMs, double rate) {
    return Math.exp((double) (atMs - sinceMs) * rate);
  }

  /** {@code -ln 2 / halfLife} per millisecond: the decay's rate, negative. */
  public static double rate(Duration halfLife) {
    if (halfLife == null || halfLife.isNegative() || halfLife.isZero()) {
      throw new IllegalArgumentException("half-life must be positive, was " + halfLife);
    }
    return -Math.log(2) / halfLife.toMillis();
  }
}
