package com.expat.search.query.i18n;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The languages answers are worded in: the network's main languages. A request names one with
 * {@code locale} or {@code Accept-Language}; any other language is answered in English, so that
 * caches keep one entry per language answers can actually differ in. Stateless.
 */
public final class DisplayLanguage {
  public static final String ENGLISH = "en";
  /** ISO 639-1 codes of the languages answers are worded in. */
  public static final List<String> SUPPORTED = List.of("en", "de", "fr", "es", "it", "pt", "nl", "ru", "zh", "ja", "ar");

  private static final Set<String> SUPPORTED_SET = Set.copyOf(SUPPORTED);
  private static final Set<String> ISO_LANGUAGES = Set.of(Locale.getISOLanguages());
  private static final Pattern TAG = Pattern.compile("[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*");

  private DisplayLanguage() {}

  /** The ISO 639-1 language of a tag ({@code pt-BR}, {@code zh_Hans_CN}); empty when malformed. */
  public static Optional<String> ofTag(String tag) {
    if (!TAG.matcher(tag).matches()) {
      return Optional.empty();
    }
    String language = tag.split("[-_]")[0].toLowerCase(Locale.ROOT);
    return language.length() == 2 && ISO_LANGUAGES.contains(language) ? Optional.of(language) : Optional.empty();
  }

  /** {@code language} when answers can be worded in it, else English. */
  public static String supported(String language) {
    return SUPPORTED_SET.contains(language) ? language : ENGLISH;
  }

  /** The preferred supported language of an {@code Accept-Language} header; English otherwise. */
  public static String ofHeader(String header) {
    List<Locale.LanguageRange> ranges;
    try {
      ranges = Locale.LanguageRange.parse(header);
    } catch (IllegalArgumentException e) {
      return ENGLISH;
    }
    for (Locale.LanguageRange range : ranges) {
      if (range.getWeight() <= 0) {
        continue;
      }
      Optional<String> language = ofTag(range.getRange());
      if (language.isPresent() && SUPPORTED_SET.contains(language.get())) {
        return language.get();
      }
    }
    return ENGLISH;
  }
}
