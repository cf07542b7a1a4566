package com.expat.search.indexer.ops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one pass of {@code verify} found for one core: counts of each {@link Drift}, the first few
 * ids of each with a word on why, and how many differences were gone when checked again (changes
 * in flight, not drift). Mutable while the pass runs; read after.
 */
final class Report {
  private final String entity;
  private final String core;
  private final int show;
  private final Map<Drift, Long> counts = new EnumMap<>(Drift.class);
  private final Map<Drift, List<String>> first = new EnumMap<>(Drift.class);
  private long rows;
  private long documents;
  private long passing;
  private long repaired;
  private Duration took = Duration.ZERO;

  Report(String entity, String core, int show) {
    this.entity = entity;
    this.core = core;
    this.show = show;
    for (Drift drift : Drift.values()) {
      counts.put(drift, 0L);
      first.put(drift, new ArrayList<>());
    }
  }

  void add(Drift drift, String id, String detail) {
    counts.merge(drift, 1L, Long::sum);
    List<String> sample = first.get(drift);
    if (sample.size() < show) {
      sample.add(detail == null ? id : id + " (" + detail + ")");
    }
  }

  void passing() {
    passing++;
  }

  void repaired(long n) {
    repaired += n;
  }

  void scanned(long rows, long documents, Duration took) {
    this.rows = rows;
    this.documents = documents;
    this.took = took;
  }

  String core() {
    return core;
  }

  long count(Drift drift) {
    return counts.get(drift);
  }

  long repaired() {
    return repaired;
  }

  long rows() {
    return rows;
  }

  long documents() {
    return documents;
  }

  Duration took() {
    return took;
  }

  /** Missing, stale or should-be-gone documents: what re-indexing fixes. */
  boolean drifted() {
    return count(Drift.MISSING) + count(Drift.STALE) + count(Drift.GONE) > 0;
  }

  boolean rejected() {
    return count(Drift.REJECTED) > 0;
  }

  /** The lines {@code verify} prints for this core. */
  List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "%s (%s): %,d rows in MariaDB, %,d documents in the index, compared in %.1f s",
        entity, core, rows, documents, took.toMillis() / 1000.0));
    for (Drift drift : Drift.values()) {
      long n = count(drift);
      String line = String.format(Locale.ROOT, "  %-15s %,d", drift.label(), n);
      if (n > 0) {
        line += "   first: " + String.join(", ", first.get(drift));
      }
      lines.add(line);
    }
    if (passing > 0) {
      lines.add(String.format(Locale.ROOT, "  %-15s %,d (differences gone when checked again: changes in flight)",
          "in flight", passing));
    }
    if (repaired > 0) {
      lines.add(String.format(Locale.ROOT, "  %-15s %,d (re-indexed through the live write path)", "repaired", repaired));
    }
    lines.add("  " + (drifted() ? "DRIFT" : rejected() ? "REJECTED ROWS (data to fix; the rest is in sync)" : "in sync"));
    return lines;
  }
}
