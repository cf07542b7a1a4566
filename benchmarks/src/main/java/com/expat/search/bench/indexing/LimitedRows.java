package com.expat.search.bench.indexing;

import com.expat.search.indexer.source.RebuildSource;
import com.expat.search.indexer.source.Table;
import com.expat.search.indexer.world.Catalog;
import com.expat.search.indexer.world.EventDetails;
import com.expat.search.indexer.world.MemberProfile;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A {@link RebuildSource} that shows only the rows of one table whose id is at most {@code maxId}:
 * {@code --limit N} is the first N ids of the table, for trying the benchmark on a small part of a
 * big world with the rebuild's own code. Stateless on top of the source, so thread-safe as it is.
 */
final class LimitedRows implements RebuildSource {
  private final RebuildSource rows;
  private final Table table;
  private final long maxId;
  private final long count;

  /**
   * @param maxId the largest id shown
   * @param count how many rows that is (for progress estimates)
   */
  LimitedRows(RebuildSource rows, Table table, long maxId, long count) {
    this.rows = rows;
    this.table = table;
    this.maxId = maxId;
    this.count = count;
  }

  /**
   * {@code rows} limited to the first {@code limit} ids of {@code table}, or {@code rows} itself
   * when the table holds no more than that.
   */
  static RebuildSource firstIds(RebuildSource rows, Table table, long limit) {
    long total = rows.count(table);
    if (limit <= 0 || limit >= total) {
      return rows;
    }
    long maxId = 0;
    long seen = 0;
    while (seen < limit) {
      List<Long> page = rows.ids(table, maxId, (int) Math.min(10_000, limit - seen), null);
      if (page.isEmpty()) {
        break;
      }
      maxId = page.get(page.size() - 1);
      seen += page.size();
    }
    return new LimitedRows(rows, table, maxId, seen);
  }

  @Override
  public List<Long> ids(Table wanted, long afterId, int limit, Instant updatedSince) {
    List<Long> ids = rows.ids(wanted, afterId, limit, updatedSince);
    if (wanted != table) {
      return ids;
    }
    return ids.stream().filter(id -> id <= maxId).toList();
  }

  @Override
  public long count(Table wanted) {
    return wanted == table ? count : rows.count(wanted);
  }

  @Override
  public Map<Long, MemberProfile> members(Collection<Long> ids) {
    return rows.members(ids);
  }

  @Override
  public Map<Long, EventDetails> events(Collection<Long> ids) {
    return rows.events(ids);
  }

  @Override
  public Catalog catalog() {
    return rows.catalog();
  }

  @Override
  public Map<Integer, Integer> interestMemberCounts() {
    return rows.interestMemberCounts();
  }

  @Override
  public Instant now() {
    return rows.now();
  }
}
