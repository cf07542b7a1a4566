package com.expat.search.indexer.world;

import java.util.Locale;

/** A row of {@code member_languages} without its member id. */
public record SpokenLanguage(String code, Level level) {

  /** Ordered from strongest to weakest. */
  public enum Level {
    NATIVE,
    FLUENT,
    INTERMEDIATE,
    BASIC;

    public String sql() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
