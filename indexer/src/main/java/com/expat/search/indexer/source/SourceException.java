package com.expat.search.indexer.source;

import com.expat.search.common.ExpatSearchException;

/**
 * MariaDB could not be read. A passing failure for the indexer (database down, restarting,
 * unreachable): callers retry and acknowledge nothing meanwhile.
 */
public final class SourceException extends ExpatSearchException {
  public SourceException(String message, Throwable cause) {
    super(message, cause);
  }
}
