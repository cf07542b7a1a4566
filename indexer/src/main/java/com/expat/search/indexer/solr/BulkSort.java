package com.expat.search.indexer.solr;

import com.expat.search.indexer.mapping.IndexChange;
import com.expat.search.vocabulary.MemberFields;

/**
 * The order of a bulk core, in Solr and in the client. Solr keeps it as the core's index sort
 * ({@link #INDEX_SORT}, core property {@code expat.indexSort}): every segment is written in it and
 * merges keep it, so a city's documents are neighbours whatever order they arrive in. The client
 * sends documents by {@link #key}, stably (Lucene breaks ties by arrival), when it can, because a
 * flushed segment whose documents already arrived in the index sort's order is written as it is,
 * while any other is sorted at flush (Lucene's {@code Sorter} returns no document map for a segment
 * that is already in order).
 */
public final class BulkSort {
  /** The index sort of a bulk core: by city, ascending. */
  public static final String INDEX_SORT = MemberFields.CITY_ID + " asc";

  private BulkSort() {}

  /**
   * The value the index sort compares for the document {@code change} writes: its city id, or 0
   * for a document without one (a tombstone, which {@code SearchIndex.apply} writes for a delete).
   * 0 is what Lucene reads for a missing long when the sort field has no missing value, and the
   * schema's {@code city_id} sets neither {@code sortMissingFirst} nor {@code sortMissingLast}.
   */
  public static long key(IndexChange change) {
    if (change instanceof IndexChange.Upsert upsert
        && upsert.document().getFieldValue(MemberFields.CITY_ID) instanceof Number city) {
      return city.longValue();
    }
    return 0;
  }
}
