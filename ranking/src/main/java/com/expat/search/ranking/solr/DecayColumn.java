package com.expat.search.ranking.solr;

import com.expat.search.ranking.features.HalfLifeDecay;

/**
 * {@link HalfLifeDecay} over a column of dates (a segment's {@code last_active_at} or {@code
 * created_at}), split at an anchor, the column's latest date: each member's {@code
 * HalfLifeDecay.unclamped(since, anchor)} is computed once, and a request multiplies it by its own
 * {@code unclamped(anchor, now)}. The pre-rank runs for every candidate (tens of thousands per
 * request at 1M members); its two exponentials per candidate were most of its CPU. A date at or
 * after {@code now} counts 1 (the decay's clamp), a missing one 0. When the request's time is so
 * far from the anchor that its factor could overflow or underflow, {@link Weighted} computes the
 * decay itself. Immutable; thread-safe.
 */
public final class DecayColumn {
  /** |exponent| of the request's factor beyond which the exact form is used (e^500 is far from overflow). */
  private static final double MAX_EXPONENT = 500;

  private final long missing;
  private final double rate;
  private final long anchorMs;
  /** {@code unclamped(since, anchor)} by document; null when the column is not kept ({@link #exact}). */
  private final double[] relative;

  private DecayColumn(long missing, double rate, long anchorMs, double[] relative) {
    this.missing = missing;
    this.rate = rate;
    this.anchorMs = anchorMs;
    this.relative = relative;
  }

  /**
   * @param sinceMs epoch ms by document, {@code missing} where the document has none; read, not kept
   * @param rate {@link HalfLifeDecay#rate} of the half-life
   */
  public static DecayColumn of(long[] sinceMs, long missing, double rate) {
    long anchor = Long.MIN_VALUE;
    for (long since : sinceMs) {
      if (since != missing && since > anchor) {
        anchor = since;
      }
    }
    if (anchor == Long.MIN_VALUE) {
      return exact(missing, rate);
    }
    double[] relative = new double[sinceMs.length];
    for (int doc = 0; doc < sinceMs.length; doc++) {
      if (sinceMs[doc] != missing) {
        relative[doc] = HalfLifeDecay.unclamped(sinceMs[doc], anchor, rate);
      }
    }
    return new DecayColumn(missing, rate, anchor, relative);
  }

  /** A column that keeps nothing: every value is computed as {@link HalfLifeDecay} does. */
  public static DecayColumn exact(long missing, double rate) {
    return new DecayColumn(missing, rate, 0, null);
  }

  public double rate() {
    return rate;
  }

  /** Heap bytes held, roughly. */
  public long bytes() {
    return relative == null ? 0 : 8L * relative.length;
  }

  /** The decay at {@code nowMs} times {@code weight}, for one request. */
  public Weighted at(long nowMs, double weight) {
    double exponent = (double) (nowMs - anchorMs) * rate;
    boolean kept = relative != null && Math.abs(exponent) <= MAX_EXPONENT;
    return new Weighted(nowMs, weight, kept ? weight * HalfLifeDecay.unclamped(anchorMs, nowMs, rate) : 0, kept,
        kept && nowMs > anchorMs);
  }

  /** One request's weighted decay over the column. Immutable; thread-safe. */
  public final class Weighted {
    private final long nowMs;
    private final double weight;
    private final double factor;
    private final boolean kept;
    /**
     * Whether the request comes after every date of the column: then no kept date is at or after
     * it, and a missing one's kept value is 0, so a document's decay is the product alone.
     */
    private final boolean after;

    private Weighted(long nowMs, double weight, double factor, boolean kept, boolean after) {
      this.nowMs = nowMs;
      this.weight = weight;
      this.factor = factor;
      this.kept = kept;
      this.after = after;
    }

    /**
     * The most {@link #value(int, long)} gives any document of the column, and so the most the
     * model's own {@code weight × HalfLifeDecay.value(since, now)} gives any of its dates (the
     * decay never falls as a date gets newer): the newest date's when the request comes after all
     * of them, else the weight (a date at or after now counts 1). Never below 0, whatever the weight.
     */
    public double most() {
      if (!(weight > 0)) {
        return 0;
      }
      return after ? factor : weight;
    }

    /**
     * {@link #value(int, long)} of document {@code doc} with its date from {@code sinceMs}, the
     * dates the column was built from ({@link DecayColumn#of}): when the request comes after all of
     * them the date is not read, which spares the pre-rank a read per candidate (the same value:
     * the kept product, and 0 for a missing date, whose kept value is 0).
     */
    public double value(int doc, long[] sinceMs) {
      return after ? factor * relative[doc] : value(doc, sinceMs[doc]);
    }

    /**
     * {@code weight × HalfLifeDecay.value(since, now)} of document {@code doc}, whose date is
     * {@code sinceMs} (the column's own value; 0 when it is the missing value).
     */
    public double value(int doc, long sinceMs) {
      if (sinceMs == missing) {
        return 0;
      }
      if (sinceMs >= nowMs) {
        return weight;
      }
      return kept ? factor * relative[doc] : weight * HalfLifeDecay.value(sinceMs, nowMs, rate);
    }
  }
}
