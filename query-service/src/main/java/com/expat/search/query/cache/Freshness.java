package com.expat.search.query.cache;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides whether a cached answer may still be served (contract 4.1: once the indexer has
 * processed the change that hid a member, no answer shows them again, cached or not).
 *
 * <p>The invalidation feed ({@code expat.search.invalidations}) reports each batch the indexer
 * made visible; {@link #membersChanged}/{@link #eventsChanged} record when this process heard of
 * it. An answer computed (its computation <em>started</em>) no later than {@code skew} after a
 * change of anything it depends on is stale: recomputed, never served. Changes are remembered for
 * {@code keep}, which must be at least the longest cache TTL.
 *
 * <p>While the feed is down, or for answers computed before it was last (re)established, nothing
 * tells us what changed: such answers are served only while younger than {@code unconfirmedTtl}
 * (0: never). Thread-safe.
 */
public final class Freshness {
  private final Clock clock;
  private final long keepMillis;
  private final long skewMillis;
  private final long unconfirmedTtlMillis;
  private final Map<Long, Long> members = new ConcurrentHashMap<>();
  private final Map<Long, Long> events = new ConcurrentHashMap<>();
  private volatile long feedUpSince = -1;

  public Freshness(Clock clock, Duration keep, Duration skew, Duration unconfirmedTtl) {
    if (keep.isNegative() || skew.isNegative() || unconfirmedTtl.isNegative()) {
      throw new IllegalArgumentException("durations must not be negative: keep=" + keep + ", skew=" + skew
          + ", unconfirmedTtl=" + unconfirmedTtl);
    }
    this.clock = clock;
    this.keepMillis = keep.toMillis();
    this.skewMillis = skew.toMillis();
    this.unconfirmedTtlMillis = unconfirmedTtl.toMillis();
  }

  /** Trusts every cached answer for its TTL: for a process with no invalidation feed at all. */
  public static Freshness trustingTtls(Clock clock) {
    Freshness freshness = new Freshness(clock, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    freshness.feedUpSince = Long.MIN_VALUE;
    return freshness;
  }

  public long now() {
    return clock.millis();
  }

  /** The feed now delivers every notice: answers computed from now on can be confirmed. */
  public void feedUp() {
    feedUpSince = clock.millis();
  }

  /** The feed stopped: notices may be missed from now until it is up again. */
  public void feedDown() {
    if (feedUpSince != Long.MIN_VALUE) {
      feedUpSince = -1;
    }
  }

  public boolean isFeedUp() {
    return feedUpSince != -1;
  }

  public void membersChanged(Collection<Long> ids) {
    record(members, ids);
  }

  public void eventsChanged(Collection<Long> ids) {
    record(events, ids);
  }

  private void record(Map<Long, Long> changes, Collection<Long> ids) {
    long now = clock.millis();
    ids.forEach(id -> changes.put(id, now));
    if (changes.size() > 1_000) {
      long horizon = now - keepMillis - skewMillis;
      changes.values().removeIf(at -> at < horizon);
    }
  }

  /** True when an answer whose computation started at {@code computedAt} may be served. */
  public boolean isFresh(long computedAt, Dependencies dependencies) {
    long upSince = feedUpSince;
    if (upSince == -1 || computedAt < upSince) {
      return clock.millis() - computedAt < unconfirmedTtlMillis;
    }
    return unchangedSince(members, dependencies.members(), computedAt)
        && unchangedSince(events, dependencies.events(), computedAt);
  }

  private boolean unchangedSince(Map<Long, Long> changes, Collection<Long> ids, long computedAt) {
    if (changes.isEmpty()) {
      return true;
    }
    for (Long id : ids) {
      Long changedAt = changes.get(id);
      if (changedAt != null && computedAt <= changedAt + skewMillis) {
        return false;
      }
    }
    return true;
  }
}
