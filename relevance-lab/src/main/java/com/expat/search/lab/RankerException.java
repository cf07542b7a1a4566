package com.expat.search.lab;

import com.expat.search.common.ExpatSearchException;

/** A ranker could not rank a query. */
public final class RankerException extends ExpatSearchException {
  public RankerException(String message) {
    super(message);
  }

  public RankerException(String message, Throwable cause) {
    super(message, cause);
  }
}
