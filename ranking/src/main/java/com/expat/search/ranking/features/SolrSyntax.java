package com.expat.search.ranking.features;

import java.math.BigDecimal;

/**
 * Literals for Solr function queries. Numbers are written so that Solr parses back exactly the
 * double Java used (shortest round-trip digits, never an exponent); strings are single-quoted with
 * {@code \} and {@code '} escaped, which is all Solr's function parser ({@code StrParser}) needs,
 * so that no slug or language code can break out of its argument.
 */
public final class SolrSyntax {
  private SolrSyntax() {}

  /**
   * @throws IllegalArgumentException for NaN or an infinity, which Solr cannot parse
   */
  public static String number(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("a Solr number must be finite, was " + value);
    }
    if (value == 0) {
      return "0";
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  /** {@code text} as a single-quoted function argument. */
  public static String quoted(String text) {
    StringBuilder result = new StringBuilder(text.length() + 2).append('\'');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' || c == '\'') {
        result.append('\\');
      }
      result.append(c);
    }
    return result.append('\'').toString();
  }

  /** A Solr field name must be a plain identifier; checked because it is written unquoted. */
  static String field(String name) {
    if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("not a Solr field name: " + name);
    }
    return name;
  }
}
