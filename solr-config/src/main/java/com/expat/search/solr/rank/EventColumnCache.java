package com.expat.search.solr.rank;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;

/**
 * The {@link EventColumns} of every open segment of the events core, built on first use (or by
 * {@link EventColumnWarmer}) and dropped when Lucene closes the segment's core; keyed by the
 * segment core, so a soft commit's new searcher reuses them. Thread-safe.
 */
final class EventColumnCache {
  private final ConcurrentHashMap<IndexReader.CacheKey, EventColumns> bySegment = new ConcurrentHashMap<>();
  private final AtomicLong bytes = new AtomicLong();

  EventColumns columns(LeafReader reader) {
    IndexReader.CacheHelper helper = reader.getCoreCacheHelper();
    if (helper == null) {
      return read(reader);
    }
    EventColumns cached = bySegment.get(helper.getKey());
    return cached != null ? cached : bySegment.computeIfAbsent(helper.getKey(), key -> {
      EventColumns columns = read(reader);
      bytes.addAndGet(columns.bytes());
      helper.addClosedListener(closed -> {
        EventColumns removed = bySegment.remove(closed);
        if (removed != null) {
          bytes.addAndGet(-removed.bytes());
        }
      });
      return columns;
    });
  }

  long bytes() {
    return bytes.get();
  }

  int segments() {
    return bySegment.size();
  }

  private static EventColumns read(LeafReader reader) {
    try {
      return EventColumns.read(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the event columns of " + reader, e);
    }
  }
}
