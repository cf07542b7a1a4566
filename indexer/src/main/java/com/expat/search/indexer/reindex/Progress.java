package com.expat.search.indexer.reindex;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Progress lines of one load: rows done, rows per second, and an ETA from the row count taken at
 * the start ({@link #UNKNOWN} when there is none, as for the catch-up). Thread-safe: loaders add,
 * a timer prints.
 */
final class Progress {
  static final long UNKNOWN = -1;

  private final String what;
  private final long total;
  private final PrintStream out;
  private final long startedNanos = System.nanoTime();
  private final AtomicLong done = new AtomicLong();

  Progress(String what, long total, PrintStream out) {
    this.what = what;
    this.total = total;
    this.out = out;
  }

  void add(long rows) {
    done.addAndGet(rows);
  }

  long done() {
    return done.get();
  }

  void print() {
    out.println(line(done.get(), System.nanoTime() - startedNanos));
  }

  String line(long rows, long elapsedNanos) {
    double seconds = Math.max(elapsedNanos / 1e9, 1e-3);
    double rate = rows / seconds;
    if (total == UNKNOWN) {
      return String.format(java.util.Locale.ROOT, "%s: %,d rows, %,.0f rows/s", what, rows, rate);
    }
    String eta = rate <= 0 || rows >= total ? "-" : format(Duration.ofSeconds((long) ((total - rows) / rate)));
    return String.format(java.util.Locale.ROOT, "%s: %,d / %,d rows, %,.0f rows/s, ETA %s", what, rows, total, rate, eta);
  }

  static String format(Duration duration) {
    long s = duration.toSeconds();
    return s >= 3600 ? String.format("%dh%02dm%02ds", s / 3600, s % 3600 / 60, s % 60)
        : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
  }
}
