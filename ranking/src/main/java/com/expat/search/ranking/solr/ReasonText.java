package com.expat.search.ranking.solr;

import com.expat.search.ranking.Reason;
import java.util.Arrays;
import java.util.List;

/**
 * A {@link Reason} as one text, to travel in a Solr response: the code and its values separated by
 * the unit separator (U+001F), which no code, slug, number or city name contains. Stateless.
 */
public final class ReasonText {
  private static final String SEPARATOR = "\u001f";

  private ReasonText() {}

  public static String write(Reason reason) {
    return reason.values().isEmpty() ? reason.code() : reason.code() + SEPARATOR + String.join(SEPARATOR, reason.values());
  }

  /** Reads what {@link #write} wrote. */
  public static Reason read(String text) {
    List<String> parts = Arrays.asList(text.split(SEPARATOR, -1));
    return new Reason(parts.get(0), parts.subList(1, parts.size()));
  }
}
