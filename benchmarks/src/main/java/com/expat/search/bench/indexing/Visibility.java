package com.expat.search.bench.indexing;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The published changes not yet visible, and the publish-to-visible latency of those that became
 * visible. A change of member m at version v is visible once a search returns m with
 * {@code doc_version >= v}. Thread-safe: writers add, the poller marks seen, the report reads at
 * the end. Latencies in microseconds.
 */
final class Visibility {
  private static final long MAX_MICROS = 3_600_000_000L;

  private final long startNanos;
  private final Map<Long, List<ChangeWriter.Published>> pending = new LinkedHashMap<>();
  private final Histogram latency = new Histogram(MAX_MICROS, 3);
  private final List<long[]> timeline = new ArrayList<>();
  private int pendingCount;
  private long firstPublishNanos = Long.MAX_VALUE;
  private long lastPublishNanos = Long.MIN_VALUE;
  private long lastVisibleNanos = Long.MIN_VALUE;

  /** @param startNanos the start of the run, the origin of the timeline */
  Visibility(long startNanos) {
    this.startNanos = startNanos;
  }

  synchronized void published(ChangeWriter.Published change) {
    pending.computeIfAbsent(change.memberId(), id -> new ArrayList<>()).add(change);
    pendingCount++;
    firstPublishNanos = Math.min(firstPublishNanos, change.publishNanos());
    lastPublishNanos = Math.max(lastPublishNanos, change.publishNanos());
  }

  /** Up to {@code max} member ids with a change pending, those waiting longest first. */
  synchronized List<Long> pendingIds(int max) {
    List<Long> ids = new ArrayList<>(Math.min(max, pending.size()));
    for (Iterator<Long> it = pending.keySet().iterator(); it.hasNext() && ids.size() < max; ) {
      ids.add(it.next());
    }
    return ids;
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
        long micros = Math.max(0, (nowNanos - change.publishNanos()) / 1_000);
        latency.recordValue(Math.min(micros, MAX_MICROS));
        timeline.add(new long[] {change.publishNanos() - startNanos, micros});
        lastVisibleNanos = Math.max(lastVisibleNanos, nowNanos);
        pendingCount--;
        it.remove();
      }
    }
    if (changes.isEmpty()) {
      pending.remove(id);
    }
  }

  synchronized int pending() {
    return pendingCount;
  }

  synchronized Histogram latency() {
    return latency.copy();
  }

  /** {@code [publish time since the start (ns), latency (µs)]} of every visible change. */
  synchronized List<long[]> timeline() {
    return List.copyOf(timeline);
  }

  /** Seconds from the first publish to the last change seen visible (0 when none). */
  synchronized double sustainedSeconds() {
    return lastVisibleNanos == Long.MIN_VALUE ? 0 : (lastVisibleNanos - firstPublishNanos) / 1e9;
  }

  /** Seconds from the first publish to the last (0 for fewer than two). */
  synchronized double publishSeconds() {
    return lastPublishNanos <= firstPublishNanos ? 0 : (lastPublishNanos - firstPublishNanos) / 1e9;
  }
}
