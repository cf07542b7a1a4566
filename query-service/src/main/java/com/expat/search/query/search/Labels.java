package com.expat.search.query.search;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * Names of language and country codes in a language, from the JDK's locale data.
 *
 * <p>The names are kept once looked up, per kind, language and code: the JDK's look-up (a locale
 * parsed from the tag, its resource bundles' chain searched) was ~3 % of the query service's
 * request threads' CPU samples per member search (JFR, docs/benchmarks.md), and the same few
 * hundred codes come back in every facet. The JDK's data does not change while the service runs;
 * at most {@link #MAX_KEPT} names a kind are kept (codes come from the index, languages from
 * {@code DisplayLanguage.supported}), beyond that they are looked up each time.
 */
public final class Labels {
  static final int MAX_KEPT = 50_000;
  private static final String NONE = "";
  private static final Names LANGUAGES = new Names((code, in) -> Locale.forLanguageTag(code).getDisplayLanguage(in));
  private static final Names COUNTRIES = new Names((code, in) -> new Locale("", code).getDisplayCountry(in));

  private Labels() {}

  public static Map<String, String> languages(List<String> codes, String language) {
    return LANGUAGES.of(codes, language);
  }

  public static Map<String, String> countries(List<String> codes, String language) {
    return COUNTRIES.of(codes, language);
  }

  /** One kind of name, looked up by {@code lookUp(code, in)}, kept by language and code. */
  static final class Names {
    private final BiFunction<String, Locale, String> lookUp;
    private final Map<String, Map<String, String>> byLanguage = new ConcurrentHashMap<>();
    private final AtomicInteger kept = new AtomicInteger();

    Names(BiFunction<String, Locale, String> lookUp) {
      this.lookUp = lookUp;
    }

    /** {@code code -> name} for the codes the JDK names, other than by the code itself. */
    Map<String, String> of(List<String> codes, String language) {
      Map<String, String> names = byLanguage.get(language);
      if (names == null) {
        names = kept.get() < MAX_KEPT ? byLanguage.computeIfAbsent(language, l -> new ConcurrentHashMap<>()) : Map.of();
      }
      Locale in = null;
      Map<String, String> result = new HashMap<>();
      for (String code : codes) {
        String name = names.get(code);
        if (name == null) {
          if (in == null) {
            in = Locale.forLanguageTag(language);
          }
          String found = lookUp.apply(code, in);
          name = found.isEmpty() || found.equalsIgnoreCase(code) ? NONE : found;
          if (kept.get() < MAX_KEPT && names instanceof ConcurrentHashMap<String, String> open
              && open.putIfAbsent(code, name) == null) {
            kept.incrementAndGet();
          }
        }
        if (!name.isEmpty()) {
          result.put(code, name);
        }
      }
      return result;
    }

    int kept() {
      return kept.get();
    }
  }
}
