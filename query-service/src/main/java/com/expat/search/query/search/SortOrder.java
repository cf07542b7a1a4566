package com.expat.search.query.search;

import java.util.Locale;
import java.util.Optional;

/** The {@code sort} of a member search. */
public enum SortOrder {
  RELEVANCE,
  DISTANCE,
  RECENT;

  static Optional<SortOrder> parse(String value) {
    for (SortOrder order : values()) {
      if (order.name().equalsIgnoreCase(value)) {
        return Optional.of(order);
      }
    }
    return Optional.empty();
  }

  public String parameter() {
    return name().toLowerCase(Locale.ROOT);
  }
}
