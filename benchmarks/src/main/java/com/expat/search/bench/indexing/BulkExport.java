package com.expat.search.bench.indexing;

import com.expat.search.indexer.mapping.EventDocuments;
import com.expat.search.indexer.mapping.IndexChange;
import com.expat.search.indexer.mapping.MemberDocuments;
import com.expat.search.indexer.source.RebuildSource;
import com.expat.search.indexer.source.Table;
import com.expat.search.indexer.world.Catalog;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Step (a) of {@code bench bulk}: the table read and mapped exactly as the rebuild reads and maps
 * it (keyset pages of ids, {@link RebuildSource}'s set-based queries, {@link MemberDocuments} or
 * {@link EventDocuments}), written to a {@link DocumentFile} instead of Solr.
 */
final class BulkExport {
  private BulkExport() {}

  /** What was read and written, and how long it took. */
  record Result(long rows, long upserts, long tombstones, long pages, long nanos) {
    long documents() {
      return upserts + tombstones;
    }
  }

  static Result run(RebuildSource rows, Table table, int pageSize, int threads, DocumentFile.Writer file)
      throws InterruptedException {
    long start = System.nanoTime();
    Catalog catalog = rows.catalog();
    AtomicLong read = new AtomicLong();
    AtomicLong upserts = new AtomicLong();
    AtomicLong tombstones = new AtomicLong();
    try (PagePool pool = new PagePool(threads, "bench-export")) {
      long after = 0;
      while (pool.healthy()) {
        List<Long> ids = rows.ids(table, after, pageSize, null);
        if (ids.isEmpty()) {
          break;
        }
        after = ids.get(ids.size() - 1);
        pool.submit(() -> {
          List<IndexChange> changes = new ArrayList<>(ids.size());
          if (table == Table.MEMBERS) {
            rows.members(ids).values().forEach(profile -> changes.add(MemberDocuments.change(profile, catalog)));
          } else {
            rows.events(ids).values().forEach(details -> changes.add(EventDocuments.change(details, catalog)));
          }
          long upserted = changes.stream().filter(IndexChange.Upsert.class::isInstance).count();
          read.addAndGet(changes.size());
          upserts.addAndGet(upserted);
          tombstones.addAndGet(changes.size() - upserted);
          if (!changes.isEmpty()) {
            file.write(DocumentFile.documents(changes));
          }
        });
      }
      pool.finish();
    }
    return new Result(read.get(), upserts.get(), tombstones.get(), file.pages(), System.nanoTime() - start);
  }
}
