package com.expat.search.indexer.mapping;

import java.util.Objects;
import org.apache.solr.common.SolrInputDocument;

/**
 * What one row means for the index: a document to write, or a document to remove. Both carry the
 * row's version, which Solr's version constraint uses so that a stale change never overwrites a
 * newer one, deletes included.
 */
public sealed interface IndexChange {

  String id();

  long version();

  /** Write {@code document}, unless the index already holds a newer version. */
  record Upsert(String id, long version, SolrInputDocument document) implements IndexChange {
    public Upsert {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(document, "document");
    }
  }

  /**
   * Remove the document, unless the index holds a newer version. {@code version} is 0 when the
   * row is gone and its last version unknown; see the indexer for how that case is ordered.
   */
  record Delete(String id, long version) implements IndexChange {
    public Delete {
      Objects.requireNonNull(id, "id");
    }
  }
}
