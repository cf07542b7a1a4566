package com.expat.search.bench.indexing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The published changes not yet visible, and the publish-to-visible latency of those that became
 * visible. A change of member m at version v is visible once a search returns m with
 * {@code doc_version >= v}. Changes published in the warm-up (the first {@code warmupNanos} of the
 * run) are waited for like the others but left out of the latency and the timeline: they measure
 * cold JVMs. Thread-safe: writers add, the poller marks seen, the report reads at the end.
 * Latencies in microseconds.
 */
final class Visibility {
  private static final long MAX_MICROS = 3_600_000_000L;

  private final long startNanos;
  private final long countFromNanos;
  private final Map<Long, List<ChangeWriter.Published>> pending = new LinkedHashMap<>();
  /** The pending changes' {@code updated_at}, counted: the oldest bounds what a poll must ask for. */
  private final TreeMap<Instant, Integer> pendingUpdatedAt = new TreeMap<>();
  private final Histogram latency = new Histogram(MAX_MICROS, 3);
  private final List<long[]> timeline = new ArrayList<>();
  private int pendingCount;
  private long warmupVisible;
  private long firstPublishNanos = Long.MAX_VALUE;
  private long lastPublishNanos = Long.MIN_VALUE;
  private long lastVisibleNanos = Long.MIN_VALUE;

  /**
   * @param startNanos the start of the run, the origin of the timeline
   * @param warmupNanos how long from the start changes are not counted (0 counts every change)
   */
  Visibility(long startNanos, long warmupNanos) {
    if (warmupNanos < 0) {
      throw new IllegalArgumentException("warm-up " + warmupNanos + " ns must be >= 0");
    }
    this.startNanos = startNanos;
    this.countFromNanos = startNanos + warmupNanos;
  }

  synchronized void published(ChangeWriter.Published change) {
    pending.computeIfAbsent(change.memberId(), id -> new ArrayList<>()).add(change);
    pendingUpdatedAt.merge(change.updatedAt(), 1, Integer::sum);
    pendingCount++;
    if (counted(change)) {
      firstPublishNanos = Math.min(firstPublishNanos, change.publishNanos());
      lastPublishNanos = Math.max(lastPublishNanos, change.publishNanos());
    }
  }

  /**
   * The {@code updated_at} of the oldest pending change: every pending change, once visible, is a
   * document with {@code updated_at} at or after it. Empty when nothing is pending.
   */
  synchronized Optional<Instant> oldestPendingUpdatedAt() {
    return pendingUpdatedAt.isEmpty() ? Optional.empty() : Optional.of(pendingUpdatedAt.firstKey());
  }

  /** A search answered at {@code nowNanos} that member {@code id} is indexed at {@code docVersion}. */
  synchronized void seen(long id, long docVersion, long nowNanos) {
    List<ChangeWriter.Published> changes = pending.get(id);
    if (changes == null) {
      return;
    }
    for (Iterator<ChangeWriter.Published> it = changes.iterator(); it.hasNext(); ) {
      ChangeWriter.Published change = it.next();
      if (change.version() <= docVersion) {
        if (counted(change)) {
          long micros = Math.max(0, (nowNanos - change.publishNanos()) / 1_000);
          latency.recordValue(Math.min(micros, MAX_MICROS));
          timeline.add(new long[] {change.publishNanos() - startNanos, micros});
          lastVisibleNanos = Math.max(lastVisibleNanos, nowNanos);
        } else {
          warmupVisible++;
        }
        pendingUpdatedAt.computeIfPresent(change.updatedAt(), (at, count) -> count == 1 ? null : count - 1);
        pendingCount--;
        it.remove();
      }
    }
    if (changes.isEmpty()) {
      pending.remove(id);
    }
  }

  private boolean counted(ChangeWriter.Published change) {
    return change.publishNanos() >= countFromNanos;
  }

  synchronized int pending() {
    return pendingCount;
  }

  /** Changes published in the warm-up that became visible (not in {@link #latency}). */
  synchronized long warmupVisible() {
    return warmupVisible;
  }

  synchronized Histogram latency() {
    return latency.copy();
  }

  /** {@code [publish time since the start (ns), latency (µs)]} of every counted visible change. */
  synchronized List<long[]> timeline() {
    return List.copyOf(timeline);
  }

  /** Seconds from the first counted publish to the last counted change seen visible (0 when none). */
  synchronized double sustainedSeconds() {
    return lastVisibleNanos == Long.MIN_VALUE ? 0 : (lastVisibleNanos - firstPublishNanos) / 1e9;
  }

  /** Seconds from the first counted publish to the last (0 for fewer than two). */
  synchronized double publishSeconds() {
    return lastPublishNanos <= firstPublishNanos ? 0 : (lastPublishNanos - firstPublishNanos) / 1e9;
  }
}
