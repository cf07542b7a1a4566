package com.expat.search.query.suggest;

import java.util.Locale;
import java.util.Optional;

/** What type-ahead can suggest, in the order answers list them. */
public enum SuggestType {
  CITY,
  INTEREST,
  MEMBER;

  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<SuggestType> parse(String name) {
    for (SuggestType type : values()) {
      if (type.apiName().equalsIgnoreCase(name.strip())) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
