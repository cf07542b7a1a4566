package com.expat.search.ranking.signals;

import java.util.Objects;

/**
 * One thing to rank with what the search engine said about it.
 *
 * @param signals the member or event; never null
 * @param textRelevance how well it matches the query text, normalized to 0..1 (Solr's score
 *     divided by the result's max score); 0 when there is no query text
 * @throws IllegalArgumentException when {@code textRelevance} is outside 0..1
 */
public record Candidate<S>(S signals, double textRelevance) {
  public Candidate {
    Objects.requireNonNull(signals, "signals");
    if (!(textRelevance >= 0 && textRelevance <= 1)) {
      throw new IllegalArgumentException("textRelevance must be in 0..1, was " + textRelevance);
    }
  }

  /** A candidate found without query text. */
  public static <S> Candidate<S> of(S signals) {
    return new Candidate<>(signals, 0);
  }
}
