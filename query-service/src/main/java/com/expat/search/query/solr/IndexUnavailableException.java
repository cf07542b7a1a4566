package com.expat.search.query.solr;

import com.expat.search.common.ExpatSearchException;

/** Solr did not answer in time, refused the connection, or answered with a server error. */
public final class IndexUnavailableException extends ExpatSearchException {
  public IndexUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
