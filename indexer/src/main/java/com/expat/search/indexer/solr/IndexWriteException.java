package com.expat.search.indexer.solr;

import com.expat.search.common.ExpatSearchException;

/**
 * Solr did not accept a write. Always a passing failure from the indexer's point of view (Solr
 * down, slow or overloaded): the caller retries and never acknowledges the change meanwhile.
 */
public final class IndexWriteException extends ExpatSearchException {
  public IndexWriteException(String message, Throwable cause) {
    super(message, cause);
  }
}
