package com.expat.search.indexer.source;

import com.expat.search.indexer.world.Catalog;
import com.expat.search.indexer.world.EventDetails;
import com.expat.search.indexer.world.MemberProfile;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/** A {@link RowReader} whose catalog is cached and refreshed; see {@link RowSources}. */
final class CachedCatalogSource implements RowReader {
  private final RowReader source;
  private final Duration refresh;
  private final Clock clock;
  private Catalog catalog;
  private Instant readAt;

  CachedCatalogSource(RowReader source, Duration refresh, Clock clock) {
    this.source = source;
    this.refresh = refresh;
    this.clock = clock;
  }

  @Override
  public synchronized Catalog catalog() {
    Instant now = clock.instant();
    if (catalog == null || !now.isBefore(readAt.plus(refresh))) {
      try {
        catalog = source.catalog();
        readAt = now;
      } catch (SourceException e) {
        if (catalog == null) {
          throw e;
        }
        // Keep serving the last catalog: names of cities change far slower than outages last.
      }
    }
    return catalog;
  }

  @Override
  public Map<Long, MemberProfile> members(Collection<Long> ids) {
    return source.members(ids);
  }

  @Override
  public Map<Long, EventDetails> events(Collection<Long> ids) {
    return source.events(ids);
  }
}
