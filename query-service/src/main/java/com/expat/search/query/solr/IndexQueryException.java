package com.expat.search.query.solr;

import com.expat.search.common.ExpatSearchException;

/**
 * Solr rejected a request this service built: a bug here or a schema that does not match, never
 * the caller's fault (user input reaches Solr only as literal text).
 */
public final class IndexQueryException extends ExpatSearchException {
  public IndexQueryException(String message, Throwable cause) {
    super(message, cause);
  }
}
