package com.expat.search.solr.rank;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;

/**
 * The {@link MemberColumns} of every open segment of one core, built on first use and dropped when
 * Lucene closes the segment's core. Keyed by the segment core (not the reader): a new searcher over
 * the same segments, after a soft commit, reuses them, and only new or merged segments are read.
 * Thread-safe.
 */
final class ColumnCache {
  private final ConcurrentHashMap<IndexReader.CacheKey, MemberColumns> bySegment = new ConcurrentHashMap<>();

  /** The columns of {@code reader}'s segment. */
  MemberColumns columns(LeafReader reader) {
    IndexReader.CacheHelper helper = reader.getCoreCacheHelper();
    if (helper == null) {
      return read(reader);
    }
    MemberColumns cached = bySegment.get(helper.getKey());
    if (cached != null) {
      return cached;
    }
    return bySegment.computeIfAbsent(helper.getKey(), key -> {
      MemberColumns columns = read(reader);
      helper.addClosedListener(bySegment::remove);
      return columns;
    });
  }

  /** Heap held by the columns of the open segments (with the decays built so far), roughly. */
  long bytes() {
    long bytes = 0;
    for (MemberColumns columns : bySegment.values()) {
      bytes += columns.bytes();
    }
    return bytes;
  }

  int segments() {
    return bySegment.size();
  }

  private static MemberColumns read(LeafReader reader) {
    try {
      return MemberColumns.read(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the member columns of " + reader, e);
    }
  }
}
