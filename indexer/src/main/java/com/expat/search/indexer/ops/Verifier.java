package com.expat.search.indexer.ops;

import com.expat.search.indexer.mapping.EventDocuments;
import com.expat.search.indexer.mapping.IndexChange;
import com.expat.search.indexer.mapping.MemberDocuments;
import com.expat.search.indexer.solr.IndexVersions;
import com.expat.search.indexer.source.RowReader;
import com.expat.search.indexer.source.Table;
import com.expat.search.indexer.source.RowVersions;
import com.expat.search.indexer.sync.Entity;
import com.expat.search.indexer.sync.LiveWrites;
import com.expat.search.indexer.world.Event;
import com.expat.search.indexer.world.Member;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One comparison of a table with its live core. The two sides are streamed in id order and merged
 * ({@link SortedMerge}); each difference is a candidate only, because both sides move while the
 * pass runs. Candidates are gathered in chunks and each chunk is checked again once it is at least
 * {@code grace} old, reading the rows in full through the live sync's mapping and the documents by
 * id: what still differs is drift, what no longer does was a change in flight. A row the mapping
 * refuses is {@link Drift#REJECTED}. With a {@link LiveWrites}, each chunk's drift is re-indexed
 * through the live write path as soon as it is confirmed; Solr's 400s are then rejected rows too.
 * Memory: one chunk of candidates and one Solr page.
 */
final class Verifier {
  /** Candidates checked again together. */
  static final int CHUNK = 1_000;

  private final RowReader rows;
  private final RowVersions versions;
  private final IndexVersions index;
  private final Duration grace;
  private final int show;

  Verifier(RowReader rows, RowVersions versions, IndexVersions index, Duration grace, int show) {
    this.rows = rows;
    this.versions = versions;
    this.index = index;
    this.grace = grace;
    this.show = show;
  }

  /**
   * Compares {@code entity}'s table with {@code core}.
   *
   * @param repair where to re-index drift, or null to only report it
   */
  Report run(Entity entity, String core, LiveWrites repair) throws InterruptedException {
    Report report = new Report(entity.wire() + "s", core, show);
    long started = System.nanoTime();
    Table table = entity == Entity.MEMBER ? Table.MEMBERS : Table.EVENTS;
    Map<String, Long> chunk = new LinkedHashMap<>();
    SortedMerge.Counts counts;
    try (RowVersions.Scan scan = versions.scan(table)) {
      Iterator<SortedMerge.Row> merged = new Iterator<>() {
        @Override
        public boolean hasNext() {
          return scan.hasNext();
        }

        @Override
        public SortedMerge.Row next() {
          RowVersions.RowVersion row = scan.next();
          return new SortedMerge.Row(Long.toString(row.id()), row.version(), indexed(entity, row.status()));
        }
      };
      InterruptedException[] interrupted = new InterruptedException[1];
      counts = SortedMerge.merge(merged, index.scan(core), (kind, id) -> {
        chunk.putIfAbsent(id, System.nanoTime());
        if (chunk.size() >= CHUNK && interrupted[0] == null) {
          try {
            confirm(entity, core, chunk, report, repair);
          } catch (InterruptedException e) {
            interrupted[0] = e;
          }
          chunk.clear();
        }
      });
      if (interrupted[0] != null) {
        throw interrupted[0];
      }
    }
    confirm(entity, core, chunk, report, repair);
    report.scanned(counts.rows(), counts.documents(), Duration.ofNanos(System.nanoTime() - started));
    return report;
  }

  private static boolean indexed(Entity entity, String status) {
    return entity == Entity.MEMBER
        ? MemberDocuments.isIndexed(Member.Status.fromSql(status))
        : EventDocuments.isIndexed(Event.Status.fromSql(status));
  }

  /** Checks the candidates again, once the youngest is {@code grace} old; reports and repairs what still differs. */
  private void confirm(Entity entity, String core, Map<String, Long> candidates, Report report, LiveWrites repair)
      throws InterruptedException {
    if (candidates.isEmpty()) {
      return;
    }
    long youngest = candidates.values().stream().mapToLong(Long::longValue).max().orElseThrow();
    long wait = youngest + grace.toNanos() - System.nanoTime();
    if (wait > 0) {
      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }
    List<Long> ids = new ArrayList<>(candidates.size());
    for (String id : candidates.keySet()) {
      try {
        ids.add(Long.parseLong(id));
      } catch (NumberFormatException e) {
        // A document with an id no row can have: nothing in MariaDB stands for it.
        report.add(Drift.GONE, id, "not a row id");
      }
    }
    LiveWrites.Mapped expected = LiveWrites.map(rows, entity, ids);
    Map<String, Long> indexed = index.versions(core, ids.stream().map(String::valueOf).toList());
    List<Long> drifted = new ArrayList<>();
    Map<Long, String> detail = new LinkedHashMap<>();
    Map<Long, Drift> kind = new LinkedHashMap<>();
    for (long id : ids) {
      String rejected = expected.rejected().get(id);
      if (rejected != null) {
        report.add(Drift.REJECTED, Long.toString(id), rejected);
        continue;
      }
      IndexChange change = expected.changes().get(id);
      Long version = indexed.get(Long.toString(id));
      if (change instanceof IndexChange.Upsert upsert) {
        if (version == null) {
          kind.put(id, Drift.MISSING);
          detail.put(id, "database v" + upsert.version());
        } else if (version != upsert.version()) {
          kind.put(id, Drift.STALE);
          detail.put(id, "database v" + upsert.version() + ", index v" + version);
        } else {
          report.passing();
          continue;
        }
      } else if (version != null) {
        kind.put(id, Drift.GONE);
        detail.put(id, "index v" + version);
      } else {
        report.passing();
        continue;
      }
      drifted.add(id);
    }
    Map<Long, String> refused = repair == null || drifted.isEmpty() ? Map.of() : repair.write(entity, drifted);
    for (long id : drifted) {
      String reason = refused.get(id);
      if (reason != null) {
        report.add(Drift.REJECTED, Long.toString(id), reason);
      } else {
        report.add(kind.get(id), Long.toString(id), detail.get(id));
      }
    }
    if (repair != null) {
      report.repaired(drifted.size() - refused.size());
    }
  }
}
