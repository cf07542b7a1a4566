package com.expat.search.ranking.signals;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What ranking knows about a published event, as the index holds it. Immutable and thread-safe.
 *
 * @param id the event id
 * @param startsAt when it starts; never null
 * @param endsAt when it ends; null means at {@code startsAt}
 * @param location the venue, or the city's coordinates; null when unknown
 * @param cityName for reasons; null when unknown
 * @param language ISO 639-1 code of the language spoken; null when unknown
 * @param interests interest slugs; never null (null is read as empty)
 * @param attendeeCount RSVPs {@code going}, at least 0
 * @param capacity places in all; null means no limit
 * @param goingIds ids of the members going; never null (null is read as empty)
 * @throws IllegalArgumentException when {@code attendeeCount} or {@code capacity} is negative
 */
public record EventSignals(
    long id,
    Instant startsAt,
    Instant endsAt,
    LatLon location,
    String cityName,
    String language,
    Set<String> interests,
    int attendeeCount,
    Integer capacity,
    Set<Long> goingIds) {

  public EventSignals {
    Objects.requireNonNull(startsAt, "startsAt");
    interests = interests == null ? Set.of() : Set.copyOf(interests);
    goingIds = goingIds == null ? Set.of() : Set.copyOf(goingIds);
    if (attendeeCount < 0) {
      throw new IllegalArgumentException("attendeeCount must be >= 0, was " + attendeeCount);
    }
    if (capacity != null && capacity < 0) {
      throw new IllegalArgumentException("capacity must be >= 0 or null, was " + capacity);
    }
  }

  /** When the event is over: {@code endsAt}, or {@code startsAt} when there is no end. */
  public Instant over() {
    return endsAt == null ? startsAt : endsAt;
  }
}
