package com.expat.search.indexer.source;

import com.expat.search.indexer.world.Catalog;
import com.expat.search.indexer.world.EventDetails;
import com.expat.search.indexer.world.MemberProfile;
import java.util.Collection;
import java.util.Map;

/**
 * The rows a set of ids names, and the catalog that maps them to documents: what the live sync,
 * {@code verify --repair} and {@code rollback}'s catch-up read. Each method is a few set-based
 * queries whatever the number of ids. Implementations are thread-safe and throw
 * {@link SourceException} when the database cannot be read (a passing failure). A rebuild needs
 * more: {@link RebuildSource}.
 */
public interface RowReader {

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
}
