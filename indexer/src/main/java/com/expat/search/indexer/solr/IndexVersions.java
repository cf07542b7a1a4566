package com.expat.search.indexer.solr;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * The documents a live core or alias holds, reduced to id and version, for {@code verify}.
 * Tombstones (what a versioned delete leaves) are not documents here: searches do not see them.
 * Implementations are thread-safe; every method throws {@link IndexWriteException} when Solr
 * does not answer.
 */
public interface IndexVersions {

  /**
   * Every document of {@code core} in ascending id order (string order, Solr's {@code sort=id
   * asc}), read page by page as the iterator is consumed: memory does not grow with the index.
   */
  Iterator<DocVersion> scan(String core);

  /** The versions of those of {@code ids} that {@code core} holds. */
  Map<String, Long> versions(String core, Collection<String> ids);

  /** A document's id and {@code doc_version}. */
  record DocVersion(String id, long version) {}
}
