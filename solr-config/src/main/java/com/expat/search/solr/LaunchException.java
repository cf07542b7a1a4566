package com.expat.search.solr;

/** Solr could not be started; the message says why and what to do. */
final class LaunchException extends RuntimeException {
  LaunchException(String message) {
    super(message);
  }

  LaunchException(String message, Throwable cause) {
    super(message, cause);
  }
}
