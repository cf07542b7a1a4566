package com.expat.search.common.config;

import com.expat.search.common.ExpatSearchException;

/** A configuration value is missing or malformed; the message names the variable and the value. */
public final class ConfigException extends ExpatSearchException {
  public ConfigException(String message) {
    super(message);
  }
}
