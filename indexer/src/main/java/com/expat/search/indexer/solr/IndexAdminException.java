package com.expat.search.indexer.solr;

import com.expat.search.common.ExpatSearchException;

/** Solr refused or did not answer an administrative call (create, switch, rename, drop an index). */
public final class IndexAdminException extends ExpatSearchException {
  public IndexAdminException(String message) {
    super(message);
  }

  public IndexAdminException(String message, Throwable cause) {
    super(message, cause);
  }
}
