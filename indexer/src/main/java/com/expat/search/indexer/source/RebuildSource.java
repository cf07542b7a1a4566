package com.expat.search.indexer.source;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a rebuild reads beyond the rows of a set of ids: which ids there are (in pages), how many,
 * the database's clock for the catch-up, and the catalog's popularity. Same threading and failure contract as {@link RowReader}.
 */
public interface RebuildSource extends RowReader {

  /**
   * Up to {@code limit} ids of {@code table} greater than {@code afterId}, ascending: keyset
   * pagination. With {@code updatedSince} non-null, only rows whose {@code updated_at} is at or
   * after it.
   */
  List<Long> ids(Table table, long afterId, int limit, Instant updatedSince);

  /** Number of rows of {@code table}; for progress estimates. */
  long count(Table table);

  /** The database's clock, which stamps {@code updated_at}. */
  Instant now();

  /** For each interest id, how many members have it (the catalog's popularity). */
  Map<Integer, Integer> interestMemberCounts();
}
