package com.expat.search.ranking;

import java.util.List;

/**
 * Why an item ranks where it does, in no language: a code and its values. The query service puts
 * reasons into words, in the asker's language. Immutable.
 *
 * <p>Codes and their values (members): {@code text} (); {@code distance} (km, rounded, 0 for
 * under 1); {@code shared_interests} (count, then the slugs, rarest first); {@code fit_both_ways}
 * (); {@code shared_languages} (ISO 639-1 code, the weaker level's label, how many more languages
 * are shared); {@code active_today}, {@code active_this_week}, {@code active_this_month} ();
 * {@code new_member} (); {@code new_in_city} (city name); {@code complete_profile} (). Events:
 * {@code text}; {@code starts_within_hour} (); {@code starts_in_hours} (n); {@code starts_in_days}
 * (n); {@code distance} (km); {@code your_interests} (count, then slugs); {@code language} (code,
 * the viewer's level label); {@code contacts_going} (n); {@code going} (n); {@code places_left}
 * (n).
 */
public record Reason(String code, List<String> values) {
  public Reason {
    values = List.copyOf(values);
  }

  static Reason of(String code, Object... values) {
    return new Reason(code, java.util.Arrays.stream(values).map(String::valueOf).toList());
  }

  /** The value at {@code index} as a whole number. */
  public long number(int index) {
    return Long.parseLong(values.get(index));
  }
}
