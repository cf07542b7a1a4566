package com.expat.search.indexer.solr;

import com.expat.search.common.ExpatSearchException;

/** Solr refused or did not answer an administrative call (create, swap, rename, drop a core). */
public final class IndexAdminException extends ExpatSearchException {
  public IndexAdminException(String message, Throwable cause) {
    super(message, cause);
  }
}
