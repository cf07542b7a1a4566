package com.expat.search.query.ranking;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One ranking feature: its name in {@code explain} and the Solr function that computes its
 * weighted contribution to the score for a document (non-negative).
 */
public record Feature(String name, String function) {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

  public Feature {
    Objects.requireNonNull(function, "function");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("feature name must be snake_case, was " + name);
    }
  }
}
