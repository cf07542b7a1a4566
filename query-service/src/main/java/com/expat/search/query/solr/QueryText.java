package com.expat.search.query.solr;

import java.util.Locale;
import java.util.Set;
import org.apache.solr.client.solrj.util.ClientUtils;

/**
 * Turns user text into a query string that a Solr query parser can only read as literal words:
 * every syntax character is escaped and the boolean operator words are lower-cased (edismax would
 * read {@code AND}, {@code OR}, {@code NOT}, {@code TO} as syntax), while whitespace is kept so
 * that words still match one by one. The result goes to Solr only as a parameter value.
 */
public final class QueryText {
  private static final Set<String> OPERATORS = Set.of("AND", "OR", "NOT", "TO");

  private QueryText() {}

  /**
   * Collapses runs of whitespace and control characters into single spaces and trims; the
   * normal form of query text, so that equivalent texts share a cache entry.
   */
  public static String normalize(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
        space = out.length() > 0;
        continue;
      }
      if (space) {
        out.append(' ');
        space = false;
      }
      out.appendCodePoint(c);
    }
    return out.toString();
  }

  /** The {@linkplain #normalize normalized} text with every word escaped for Solr. */
  public static String escape(String text) {
    String normal = normalize(text);
    if (normal.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder(normal.length() * 2);
    for (String word : normal.split(" ")) {
      if (out.length() > 0) {
        out.append(' ');
      }
      String literal = OPERATORS.contains(word) ? word.toLowerCase(Locale.ROOT) : word;
      out.append(ClientUtils.escapeQueryChars(literal));
    }
    return out.toString();
  }
}
