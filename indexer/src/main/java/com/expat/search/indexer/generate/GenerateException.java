package com.expat.search.indexer.generate;

import com.expat.search.common.ExpatSearchException;

/** Generating a world, or writing it to MariaDB, failed; the message says where. */
public final class GenerateException extends ExpatSearchException {
  public GenerateException(String message) {
    super(message);
  }

  public GenerateException(String message, Throwable cause) {
    super(message, cause);
  }
}
