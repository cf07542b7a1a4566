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
    double ageMs = Math.max(now.toEpochMilli() - since.toEpochMilli(), 0);
    return Math.exp(ageMs * rate);
  }

  /**
   * The same in Solr, {@code exp(mul(max(ms(NOW,field),0),RATE))} with {@code RATE = -ln 2 /
   * halfLife in ms}. The request must set Solr's {@code NOW} parameter to {@code now} in epoch
   * milliseconds so that both sides use the same time. A document without the date reads as the
   * epoch in Solr: some 56 years old, which is 0 for any half-life under a year.
   */
  public static String solr(String dateField, Duration halfLife) {
    return "exp(mul(max(ms(NOW," + SolrSyntax.field(dateField) + "),0),"
        + SolrSyntax.number(rate(halfLife)) + "))";
  }

  /** {@code -ln 2 / halfLife} per millisecond. */
  static double rate(Duration halfLife) {
    if (halfLife == null || halfLife.isNegative() || halfLife.isZero()) {
      throw new IllegalArgumentException("half-life must be positive, was " + halfLife);
    }
    return -Math.log(2) / halfLife.toMillis();
  }
}
