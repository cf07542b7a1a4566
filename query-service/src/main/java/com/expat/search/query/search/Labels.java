package com.expat.search.query.search;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Names of language and country codes in a language, from the JDK's locale data. */
public final class Labels {
  private Labels() {}

  public static Map<String, String> languages(List<String> codes, String language) {
    Locale in = Locale.forLanguageTag(language);
    Map<String, String> result = new HashMap<>();
    for (String code : codes) {
      String name = Locale.forLanguageTag(code).getDisplayLanguage(in);
      if (!name.isEmpty() && !name.equalsIgnoreCase(code)) {
        result.put(code, name);
      }
    }
    return result;
  }

  public static Map<String, String> countries(List<String> codes, String language) {
    Locale in = Locale.forLanguageTag(language);
    Map<String, String> result = new HashMap<>();
    for (String code : codes) {
      String name = new Locale("", code).getDisplayCountry(in);
      if (!name.isEmpty() && !name.equalsIgnoreCase(code)) {
        result.put(code, name);
      }
    }
    return result;
  }
}
