package com.expat.search.solr.functions;

import java.util.Arrays;
import java.util.List;

/**
 * The parameters of {@code expat_language_fit} and its arithmetic, apart from Lucene.
 *
 * @param terms {@code code:level} values of {@code language_levels} ({@code LanguageTerms})
 * @param weights the pair weight of the term at the same index
 * @param codeOfTerm the index of each term's language among the viewer's, 0..codes-1
 * @param codes how many languages the terms cover
 */
record LanguageFit(List<String> terms, double[] weights, int[] codeOfTerm, int codes) {
  LanguageFit {
    terms = List.copyOf(terms);
    weights = weights.clone();
    codeOfTerm = codeOfTerm.clone();
    if (terms.size() != weights.length || terms.size() != codeOfTerm.length) {
      throw new IllegalArgumentException(terms.size() + " terms, " + weights.length + " weights");
    }
  }

  /** {@code 1 - Π(1 - best pair of each code)}; {@code best} holds each code's strongest pair. */
  static double noisyOr(double[] best) {
    double none = 1;
    for (double pair : best) {
      none *= 1 - pair;
    }
    return 1 - none;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LanguageFit other && terms.equals(other.terms) && Arrays.equals(weights, other.weights);
  }

  @Override
  public int hashCode() {
    return 31 * terms.hashCode() + Arrays.hashCode(weights);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(LanguageFitParser.NAME).append('(');
    for (int i = 0; i < terms.size(); i++) {
      text.append(i == 0 ? "'" : ",'").append(terms.get(i)).append("',").append(weights[i]);
    }
    return text.append(')').toString();
  }
}
