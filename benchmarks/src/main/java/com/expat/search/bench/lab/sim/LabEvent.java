package com.expat.search.bench.lab.sim;

import java.time.Instant;
import java.util.Set;

/** What the lab knows of an upcoming, published event; {@code hostId} 0 when unknown. */
public record LabEvent(
    long id, double latitude, double longitude, String language, double[] clusters, Instant startsAt, Set<Long> attendees,
    long hostId) {
  public LabEvent {
    clusters = clusters.clone();
    attendees = Set.copyOf(attendees);
  }

  /** An event without a known host. */
  public LabEvent(long id, double latitude, double longitude, String language, double[] clusters, Instant startsAt, Set<Long> attendees) {
    this(id, latitude, longitude, language, clusters, startsAt, attendees, 0);
  }
}
