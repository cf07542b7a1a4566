package com.expat.search.indexer.ops;

import com.expat.search.indexer.solr.IndexVersions.DocVersion;
import java.util.Iterator;

/**
 * One pass over two streams sorted by id as a string (Solr's order): the rows MariaDB holds and
 * the documents the index holds. Each id where they disagree is reported once as a candidate;
 * memory is constant. Input out of order is a defect of a scan, and stops the merge rather than
 * report false drift.
 */
final class SortedMerge {
  /** A row as the merge sees it: its id as Solr spells it, its version, whether it belongs in the index. */
  record Row(String id, long version, boolean indexed) {}

  interface Candidates {
    void drift(Drift kind, String id);
  }

  /** What the two streams held. */
  record Counts(long rows, long documents) {}

  private SortedMerge() {}

  static Counts merge(Iterator<Row> rows, Iterator<DocVersion> documents, Candidates out) {
    long rowCount = 0;
    long documentCount = 0;
    Row row = next(rows, null);
    DocVersion document = nextDocument(documents, null);
    while (row != null || document != null) {
      int order = row == null ? 1 : document == null ? -1 : row.id().compareTo(document.id());
      if (order < 0) {
        if (row.indexed()) {
          out.drift(Drift.MISSING, row.id());
        }
        rowCount++;
        row = next(rows, row);
      } else if (order > 0) {
        out.drift(Drift.GONE, document.id());
        documentCount++;
        document = nextDocument(documents, document);
      } else {
        if (!row.indexed()) {
          out.drift(Drift.GONE, row.id());
        } else if (row.version() != document.version()) {
          out.drift(Drift.STALE, row.id());
        }
        rowCount++;
        documentCount++;
        row = next(rows, row);
        document = nextDocument(documents, document);
      }
    }
    return new Counts(rowCount, documentCount);
  }

  private static Row next(Iterator<Row> rows, Row previous) {
    if (!rows.hasNext()) {
      return null;
    }
    Row next = rows.next();
    if (previous != null && next.id().compareTo(previous.id()) <= 0) {
      throw new IllegalStateException("MariaDB's rows are not in Solr's id order: " + previous.id()
          + " came before " + next.id());
    }
    return next;
  }

  private static DocVersion nextDocument(Iterator<DocVersion> documents, DocVersion previous) {
    if (!documents.hasNext()) {
      return null;
    }
    DocVersion next = documents.next();
    if (previous != null && next.id().compareTo(previous.id()) <= 0) {
      throw new IllegalStateException("Solr's documents are not in id order: " + previous.id()
          + " came before " + next.id());
    }
    return next;
  }
}
