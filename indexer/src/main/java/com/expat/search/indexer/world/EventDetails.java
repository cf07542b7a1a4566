package com.expat.search.indexer.world;

import java.util.List;
import java.util.Objects;

/**
 * An event with its interests and RSVPs: everything one event document is built from.
 *
 * @param interestIds from {@code event_interests}
 * @param goingIds members whose RSVP is {@code going}
 * @param interestedIds members whose RSVP is {@code interested}
 */
public record EventDetails(
    Event event, List<Integer> interestIds, List<Long> goingIds, List<Long> interestedIds) {

  public EventDetails {
    Objects.requireNonNull(event, "event");
    interestIds = List.copyOf(interestIds);
    goingIds = List.copyOf(goingIds);
    interestedIds = List.copyOf(interestedIds);
  }
}
