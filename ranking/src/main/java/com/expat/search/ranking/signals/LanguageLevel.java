package com.expat.search.ranking.signals;

import com.expat.search.vocabulary.LanguageTerms;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** How well a member speaks a language, strongest first (the {@code member_languages.level} enum). */
public enum LanguageLevel {
  NATIVE,
  FLUENT,
  INTERMEDIATE,
  BASIC;

  /** The level as the database and the index write it: {@code "native"}, {@code "fluent"}, ... */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a label, ignoring case; empty for null or anything else. */
  public static Optional<LanguageLevel> parse(String label) {
    if (label == null) {
      return Optional.empty();
    }
    for (LanguageLevel level : values()) {
      if (level.name().equalsIgnoreCase(label.strip())) {
        return Optional.of(level);
      }
    }
    return Optional.empty();
  }

  /** The stronger of two levels: a member listing a language twice speaks it at the stronger. */
  public static LanguageLevel stronger(LanguageLevel a, LanguageLevel b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /**
   * Reads the index's {@code language_levels} values ({@link LanguageTerms}, {@code "de:native"})
   * into code → level.
   * Values without a known level are skipped; when a code appears twice the stronger level wins.
   * Never null; {@code values} may be null.
   */
  public static Map<String, LanguageLevel> parseCodes(Collection<?> values) {
    Map<String, LanguageLevel> result = new HashMap<>();
    if (values == null) {
      return result;
    }
    for (Object value : values) {
      if (value == null) {
        continue;
      }
      String code = LanguageTerms.code(value.toString());
      if (code == null) {
        continue;
      }
      parse(LanguageTerms.level(value.toString())).ifPresent(level -> result.merge(code, level, LanguageLevel::stronger));
    }
    return result;
  }

  /**
   * An unmodifiable copy of {@code languages} that iterates in code order, empty for null. The
   * language fit multiplies one factor per shared language in the viewer's iteration order
   * ({@code LanguageFit.value}); {@code Map.copyOf}'s order changes with every JVM start, so the
   * same request's score could differ in its last bit after a restart. In code order it is the
   * same on every JVM, and the same order as the index's {@code language_levels} terms that the
   * ranking inside Solr reads.
   *
   * @throws NullPointerException for a null code or level
   */
  static Map<String, LanguageLevel> inCodeOrder(Map<String, LanguageLevel> languages) {
    if (languages == null || languages.isEmpty()) {
      return Map.of();
    }
    return Collections.unmodifiableMap(new TreeMap<>(Map.copyOf(languages)));
  }
}
