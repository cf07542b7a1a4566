package com.expat.search.query.solr;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Numbers with a fixed count of decimals, as {@code String.format(Locale.ROOT, "%.Nf", value)}
 * writes them (the double's shortest decimal, rounded half up; a negative value that rounds to zero
 * keeps its sign), without a {@code Formatter}: the points and radii written into every Solr
 * request went through one, a few percent of the query service's CPU per request (JFR,
 * docs/benchmarks.md). Stateless.
 */
public final class Decimals {
  private Decimals() {}

  /** {@code value} with {@code digits} decimals (0 to 9), as {@code %.<digits>f} writes it. */
  public static String fixed(double value, int digits) {
    if (digits < 0 || digits > 9) {
      throw new IllegalArgumentException("digits must be in 0..9, was " + digits);
    }
    if (!Double.isFinite(value)) {
      return String.format(Locale.ROOT, "%." + digits + "f", value);
    }
    BigDecimal rounded = new BigDecimal(Double.toString(value)).setScale(digits, RoundingMode.HALF_UP);
    String text = rounded.toPlainString();
    boolean negative = value < 0 || value == 0 && Double.doubleToRawLongBits(value) != 0;
    return negative && rounded.signum() == 0 ? "-" + text : text;
  }
}
