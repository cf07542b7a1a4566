package com.expat.search.indexer.generate;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What world to generate: how many members and events, the seed, and the instant the world is
 * generated "as of" (sign-ups, activity and past events lie before it, future events after).
 * The same spec always yields the same world, byte for byte.
 *
 * @param members number of members, ids 1..members (0..10,000,000)
 * @param events number of events, ids 1..events (0..10,000,000)
 * @param seed the seed every random stream is derived from
 * @param now the world's present; pass a fixed instant for reproducible worlds
 */
public record WorldSpec(int members, int events, long seed, Instant now) {
  public static final int MAX_ROWS = 10_000_000;

  public WorldSpec {
    if (members < 0 || members > MAX_ROWS) {
      throw new IllegalArgumentException("members = " + members + ", expected 0.." + MAX_ROWS);
    }
    if (events < 0 || events > MAX_ROWS) {
      throw new IllegalArgumentException("events = " + events + ", expected 0.." + MAX_ROWS);
    }
    if (events > 0 && members == 0) {
      throw new IllegalArgumentException("events = " + events + " need members to host them, but members = 0");
    }
    Objects.requireNonNull(now, "now");
  }

  /**
   * A world as of the start of today (UTC): the same all day, with events still upcoming
   * whenever it is generated. For a world that never changes, give {@code now} explicitly.
   */
  public WorldSpec(int members, int events, long seed) {
    this(members, events, seed, Clock.systemUTC().instant().truncatedTo(ChronoUnit.DAYS));
  }

  /** A world as of the start of today (UTC) by the clock: the same all day, fresh every day. */
  public static WorldSpec today(int members, int events, long seed, Clock clock) {
    return new WorldSpec(members, events, seed, clock.instant().truncatedTo(ChronoUnit.DAYS));
  }
}
