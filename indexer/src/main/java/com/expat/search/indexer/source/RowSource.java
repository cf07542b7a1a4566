package com.expat.search.indexer.source;

import com.expat.search.indexer.world.Catalog;
import com.expat.search.indexer.world.EventDetails;
import com.expat.search.indexer.world.MemberProfile;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The rows the index is built from, read a set at a time: each method is a few set-based queries
 * whatever the number of ids. Implementations are thread-safe and throw {@link SourceException}
 * when the database cannot be read (a passing failure).
 */
public interface RowSource {

  /**
   * The members among {@code ids} that exist, with their languages, interests, contacts and
   * blocks in both directions. An id absent from the answer names a row that is gone (hard
   * delete).
   */
  Map<Long, MemberProfile> members(Collection<Long> ids);

  /** The events among {@code ids} that exist, with their interests and RSVPs. */
  Map<Long, EventDetails> events(Collection<Long> ids);

  /** The cities and interests. */
  Catalog catalog();

  /** For each interest id, how many members have it (the catalog's popularity). */
  Map<Integer, Integer> interestMemberCounts();

  /**
   * Up to {@code limit} ids of {@code table} greater than {@code afterId}, ascending: keyset
   * pagination. With {@code updatedSince} non-null, only rows whose {@code updated_at} is at or
   * after it.
   */
  List<Long> ids(Table table, long afterId, int limit, Instant updatedSince);

  /**
   * Every id of {@code table} with its row's {@code city_id}, in one read: a rebuild loads rows
   * place by place from it ({@code reindex.PlaceOrder}).
   */
  PlacedIds placedIds(Table table);

  /** Number of rows of {@code table}; for progress estimates. */
  long count(Table table);

  /** The database's clock, which stamps {@code updated_at}. */
  Instant now();

  /** The tables whose rows become documents. */
  enum Table {
    MEMBERS("members"),
    EVENTS("events");

    private final String sql;

    Table(String sql) {
      this.sql = sql;
    }

    String sql() {
      return sql;
    }
  }
}
