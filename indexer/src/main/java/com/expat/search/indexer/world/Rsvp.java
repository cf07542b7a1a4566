package com.expat.search.indexer.world;

import java.time.Instant;
import java.util.Locale;

/** A row of {@code event_attendees}. */
public record Rsvp(long eventId, long memberId, Status status, Instant createdAt) {

  public enum Status {
    GOING,
    INTERESTED;

    public String sql() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
