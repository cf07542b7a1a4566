package com.expat.search.bench.lab.sim;

import java.time.Instant;
import java.util.Set;

/** What the lab knows of an upcoming, published event. */
public record LabEvent(
    long id, double latitude, double longitude, String language, double[] clusters, Instant startsAt, Set<Long> attendees) {
  public LabEvent {
    clusters = clusters.clone();
    attendees = Set.copyOf(attendees);
  }
}
