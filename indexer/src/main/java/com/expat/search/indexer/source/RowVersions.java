package com.expat.search.indexer.source;

import com.expat.search.indexer.source.Table;
import java.util.Iterator;

/**
 * Every row of a table, reduced to what says whether and at which version it belongs in the index,
 * streamed in the order Solr sorts its string ids: {@code verify} merges the two sides in one pass.
 * Implementations are thread-safe; each scan is read by one thread and must be closed.
 */
public interface RowVersions {

  /**
   * Every row of {@code table} in ascending order of its id as a decimal string ("10" before "9"),
   * which is the order of Solr's {@code sort=id asc}. Reads as it goes: memory does not grow with
   * the table.
   *
   * @throws SourceException when MariaDB cannot be read, at the start or while iterating
   */
  Scan scan(Table table);

  /** A row's id, its {@code version} and its {@code status} column as stored. */
  record RowVersion(long id, long version, String status) {}

  /** An open scan: iterate, then close. */
  interface Scan extends Iterator<RowVersion>, AutoCloseable {
    @Override
    void close();
  }
}
