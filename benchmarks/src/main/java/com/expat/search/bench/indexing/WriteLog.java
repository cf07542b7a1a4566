package com.expat.search.bench.indexing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * When the documents of one load were accepted by Solr: one entry per update request (a page),
 * so that docs/s can be drawn over time. Thread-safe: loader threads add, the report reads after
 * the load. A page of 1,000 documents is one entry, so a million documents cost a thousand.
 */
final class WriteLog {
  private final long startNanos;
  private final List<long[]> entries = new ArrayList<>();
  private final AtomicLong upserts = new AtomicLong();
  private final AtomicLong tombstones = new AtomicLong();
  private final AtomicLong requests = new AtomicLong();

  WriteLog(long startNanos) {
    this.startNanos = startNanos;
  }

  /** A page accepted now. */
  void accepted(int upsertCount, int tombstoneCount) {
    long at = System.nanoTime() - startNanos;
    upserts.addAndGet(upsertCount);
    tombstones.addAndGet(tombstoneCount);
    requests.incrementAndGet();
    synchronized (entries) {
      entries.add(new long[] {at, upsertCount + tombstoneCount});
    }
  }

  long upserts() {
    return upserts.get();
  }

  long tombstones() {
    return tombstones.get();
  }

  long documents() {
    return upserts() + tombstones();
  }

  long requests() {
    return requests.get();
  }

  /**
   * Documents per second in consecutive windows of {@code windowNanos} from the start, up to
   * {@code endNanos}: {@code [window start in s, docs/s]} pairs.
   */
  List<double[]> rate(long windowNanos, long endNanos) {
    int windows = (int) Math.max(1, (endNanos + windowNanos - 1) / windowNanos);
    long[] docs = new long[windows];
    synchronized (entries) {
      for (long[] entry : entries) {
        docs[(int) Math.min(windows - 1, Math.max(0, entry[0]) / windowNanos)] += entry[1];
      }
    }
    List<double[]> points = new ArrayList<>(windows);
    for (int i = 0; i < windows; i++) {
      points.add(new double[] {i * windowNanos / 1e9, docs[i] / (windowNanos / 1e9)});
    }
    return points;
  }
}
