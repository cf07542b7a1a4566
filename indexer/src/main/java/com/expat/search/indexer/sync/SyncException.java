package com.expat.search.indexer.sync;

import com.expat.search.common.ExpatSearchException;

/** The live sync could not reach or use RabbitMQ (connect, declare, publish a notice). */
public final class SyncException extends ExpatSearchException {
  public SyncException(String message) {
    super(message);
  }

  public SyncException(String message, Throwable cause) {
    super(message, cause);
  }
}
