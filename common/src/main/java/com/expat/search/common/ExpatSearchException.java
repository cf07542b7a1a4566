package com.expat.search.common;

/**
 * The root of every exception this project throws on purpose. Each feature has its own
 * subclass; library exceptions are translated into one of these at the adapter that sees them.
 */
public class ExpatSearchException extends RuntimeException {
  public ExpatSearchException(String message) {
    super(message);
  }

  public ExpatSearchException(String message, Throwable cause) {
    super(message, cause);
  }
}
