package com.expat.search.indexer.reindex;

import com.expat.search.common.ExpatSearchException;

/** A rebuild failed or was refused; the live index was left as it was. */
public final class ReindexException extends ExpatSearchException {
  public ReindexException(String message) {
    super(message);
  }

  public ReindexException(String message, Throwable cause) {
    super(message, cause);
  }
}
