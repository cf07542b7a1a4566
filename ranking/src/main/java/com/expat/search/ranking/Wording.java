package com.expat.search.ranking;

import java.util.List;
import java.util.Locale;

/** Small phrases shared by the reasons. */
final class Wording {
  private static final int LISTED = 3;

  private Wording() {}

  static String distance(double km) {
    return km < 1 ? "less than 1 km away" : Math.round(km) + " km away";
  }

  /** English name of an ISO 639-1 code, or the code itself when Java does not know it. */
  static String language(String code) {
    String name = Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH);
    return name.isEmpty() || name.equalsIgnoreCase(code) ? code : name;
  }

  /** "hiking, jazz, climbing" or "hiking, jazz, climbing and 2 more". */
  static String list(List<String> items) {
    if (items.size() <= LISTED) {
      return String.join(", ", items);
    }
    return String.join(", ", items.subList(0, LISTED)) + " and " + (items.size() - LISTED) + " more";
  }

  static String count(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
