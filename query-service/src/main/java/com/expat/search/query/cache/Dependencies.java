package com.expat.search.query.cache;

import java.util.Collection;
import java.util.List;

/**
 * What an answer depends on, for invalidation: the members it shows or was computed for (the
 * viewer, the member asking) and the events it shows.
 */
public record Dependencies(Collection<Long> members, Collection<Long> events) {
  public Dependencies {
    members = List.copyOf(members);
    events = List.copyOf(events);
  }

  public static Dependencies members(Collection<Long> members) {
    return new Dependencies(members, List.of());
  }
}
