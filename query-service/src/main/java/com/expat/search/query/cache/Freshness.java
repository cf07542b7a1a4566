package com.expat.search.query.cache;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
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
 * <p>The indexer announces each batch before its first write ({@link #pending}) and settles it
 * with the notice of what became visible ({@link #settled}). From the announcement until the
 * settling notice, no answer depending on the batch's rows is fresh, whenever it was computed:
 * searches may see the change from the first write on (Solr's autoSoftCommit), and an answer
 * computed meanwhile may predate it. Without this, a cached answer could show a member for the
 * time between the commit and the notice that follows it, while an uncached one already leaves
 * them out. An announcement never settled (the indexer died) lapses after {@code pendingLease},
 * counting as a change at that moment.
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
  private final long pendingLeaseMillis;
  private final Map<String, Announced> announced = new ConcurrentHashMap<>();
  private final Map<Long, Integer> pendingMembers = new ConcurrentHashMap<>();
  private final Map<Long, Integer> pendingEvents = new ConcurrentHashMap<>();

  /** A batch announced and not settled yet. */
  private record Announced(Collection<Long> members, Collection<Long> events, long since) {}

  /** The lease of an announcement: much longer than a batch's write and commit, however slow. */
  public static final Duration PENDING_LEASE = Duration.ofSeconds(60);

  public Freshness(Clock clock, Duration keep, Duration skew, Duration unconfirmedTtl) {
    this(clock, keep, skew, unconfirmedTtl, PENDING_LEASE);
  }

  public Freshness(Clock clock, Duration keep, Duration skew, Duration unconfirmedTtl, Duration pendingLease) {
    if (keep.isNegative() || skew.isNegative() || unconfirmedTtl.isNegative() || pendingLease.isNegative()) {
      throw new IllegalArgumentException("durations must not be negative: keep=" + keep + ", skew=" + skew
          + ", unconfirmedTtl=" + unconfirmedTtl + ", pendingLease=" + pendingLease);
    }
    this.clock = clock;
    this.keepMillis = keep.toMillis();
    this.skewMillis = skew.toMillis();
    this.unconfirmedTtlMillis = unconfirmedTtl.toMillis();
    this.pendingLeaseMillis = pendingLease.toMillis();
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

  /**
   * Batch {@code batch} is about to write these rows: answers depending on them are not fresh
   * until it is {@link #settled} (or its lease lapses). Announcing a batch again (a retry) renews
   * its lease.
   */
  public synchronized void pending(String batch, Collection<Long> members, Collection<Long> events) {
    lapseOverdue();
    Announced before = announced.put(batch, new Announced(List.copyOf(members), List.copyOf(events), clock.millis()));
    if (before != null) {
      release(before);
    }
    members.forEach(id -> pendingMembers.merge(id, 1, Integer::sum));
    events.forEach(id -> pendingEvents.merge(id, 1, Integer::sum));
  }

  /**
   * Batch {@code batch} is done: its rows count as changed now, when whatever it wrote is visible.
   * Call it after {@link #membersChanged}/{@link #eventsChanged} of the same notice. Unknown
   * batches (announced before this process listened) are ignored.
   */
  public synchronized void settled(String batch) {
    Announced done = announced.remove(batch);
    if (done != null) {
      membersChanged(done.members());
      eventsChanged(done.events());
      release(done);
    }
    lapseOverdue();
  }

  /** Batches announced and not settled, for a gauge. */
  public int pendingBatches() {
    return announced.size();
  }

  private void release(Announced batch) {
    batch.members().forEach(id -> pendingMembers.computeIfPresent(id, (k, n) -> n == 1 ? null : n - 1));
    batch.events().forEach(id -> pendingEvents.computeIfPresent(id, (k, n) -> n == 1 ? null : n - 1));
  }

  /** Announcements past their lease count as changes now, then are forgotten. */
  private synchronized void lapseOverdue() {
    long horizon = clock.millis() - pendingLeaseMillis;
    announced.entrySet().removeIf(entry -> {
      Announced batch = entry.getValue();
      if (batch.since() > horizon) {
        return false;
      }
      membersChanged(batch.members());
      eventsChanged(batch.events());
      release(batch);
      return true;
    });
  }

  private boolean anyPending(Map<Long, Integer> pending, Collection<Long> ids) {
    if (pending.isEmpty()) {
      return false;
    }
    for (Long id : ids) {
      if (pending.containsKey(id)) {
        return true;
      }
    }
    return false;
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
    if (anyPending(pendingMembers, dependencies.members()) || anyPending(pendingEvents, dependencies.events())) {
      lapseOverdue();
      if (anyPending(pendingMembers, dependencies.members()) || anyPending(pendingEvents, dependencies.events())) {
        return false;
      }
    }
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
