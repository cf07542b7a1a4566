package com.expat.search.ranking;

import java.util.ArrayList;
import java.util.List;

/** Reasons several features share. */
final class Wording {
  private Wording() {}

  /** {@code distance [km]}: rounded, 0 for less than 1 km. */
  static Reason distance(double km) {
    return Reason.of("distance", km < 1 ? 0 : Math.round(km));
  }

  /** {@code code [count, slug, ...]}. */
  static Reason interests(String code, List<String> slugs) {
    List<String> values = new ArrayList<>(slugs.size() + 1);
    values.add(String.valueOf(slugs.size()));
    values.addAll(slugs);
    return new Reason(code, values);
  }
}
