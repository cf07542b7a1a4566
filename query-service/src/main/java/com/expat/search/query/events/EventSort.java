package com.expat.search.query.events;

import java.util.Optional;

/** The {@code sort} of an event search: by ranking, or soonest first. */
public enum EventSort {
  RELEVANCE,
  DATE;

  static Optional<EventSort> parse(String value) {
    for (EventSort order : values()) {
      if (order.name().equalsIgnoreCase(value.strip())) {
        return Optional.of(order);
      }
    }
    return Optional.empty();
  }
}
