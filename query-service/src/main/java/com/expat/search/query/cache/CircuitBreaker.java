package com.expat.search.query.cache;

import java.time.Clock;
import java.time.Duration;

/**
 * Stops calling a failing dependency for a while: after {@code failureThreshold} consecutive
 * failures it opens for {@code openFor}; then one call is let through (half-open) as a probe,
 * whose success closes it and whose failure opens it again. Thread-safe.
 */
public final class CircuitBreaker {
  /** Ordinal values are what the state gauge shows: 0 closed, 1 open, 2 half-open. */
  public enum State {
    CLOSED,
    OPEN,
    HALF_OPEN
  }

  private final int failureThreshold;
  private final long openForMillis;
  private final Clock clock;
  private State state = State.CLOSED;
  private int failures;
  private long openUntil;

  public CircuitBreaker(int failureThreshold, Duration openFor, Clock clock) {
    if (failureThreshold < 1) {
      throw new IllegalArgumentException("failureThreshold must be at least 1, was " + failureThreshold);
    }
    this.failureThreshold = failureThreshold;
    this.openForMillis = openFor.toMillis();
    this.clock = clock;
  }

  /** True when the caller may try now; then it must report {@link #success} or {@link #failure}. */
  public synchronized boolean allow() {
    return switch (state) {
      case CLOSED -> true;
      case HALF_OPEN -> false;
      case OPEN -> {
        if (clock.millis() >= openUntil) {
          state = State.HALF_OPEN;
          yield true;
        }
        yield false;
      }
    };
  }

  public synchronized void success() {
    state = State.CLOSED;
    failures = 0;
  }

  public synchronized void failure() {
    failures++;
    if (state == State.HALF_OPEN || failures >= failureThreshold) {
      state = State.OPEN;
      openUntil = clock.millis() + openForMillis;
    }
  }

  public synchronized State state() {
    return state;
  }
}
