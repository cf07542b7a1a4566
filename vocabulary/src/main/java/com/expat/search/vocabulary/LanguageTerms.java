package com.expat.search.vocabulary;

import java.util.Locale;

/**
 * The {@code code:level} encoding of {@link MemberFields#LANGUAGE_LEVELS} values, e.g.
 * {@code "de:native"}: an ISO 639-1 code and a level label ({@code native}, {@code fluent},
 * {@code intermediate}, {@code basic}) as the database writes it. The indexer writes the terms, the
 * ranking model and the ranking inside Solr read them. Stateless.
 */
public final class LanguageTerms {
  public static final char SEPARATOR = ':';

  private LanguageTerms() {}

  /** The term for a code and a level label, e.g. {@code ("de", "native")} to {@code "de:native"}. */
  public static String of(String code, String level) {
    return code + SEPARATOR + level;
  }

  /**
   * The language code of a term, lower-cased and stripped; null when {@code term} is null or has
   * no code before a {@code ':'}.
   */
  public static String code(String term) {
    int colon = term == null ? -1 : term.indexOf(SEPARATOR);
    return colon <= 0 ? null : term.substring(0, colon).strip().toLowerCase(Locale.ROOT);
  }

  /** The level label of a term, stripped (not checked); null when the term has no code:level shape. */
  public static String level(String term) {
    int colon = term == null ? -1 : term.indexOf(SEPARATOR);
    return colon <= 0 ? null : term.substring(colon + 1).strip();
  }
}
