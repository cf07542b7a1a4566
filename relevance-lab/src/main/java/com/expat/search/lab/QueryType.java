package com.expat.search.lab;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The kinds of judged queries, by their name in judgment files. */
public enum QueryType {
  /** {@code GET /v1/members/search} with {@code params}; documents are member ids. */
  MEMBER_SEARCH,
  /** {@code GET /v1/members/{member_id}/matches}; documents are member ids. */
  MATCHES,
  /** {@code GET /v1/members/{member_id}/events}; documents are event ids. */
  MEMBER_EVENTS;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** @throws IllegalArgumentException naming the value when it is no type */
  @JsonCreator
  public static QueryType parse(String name) {
    for (QueryType type : values()) {
      if (type.wireName().equalsIgnoreCase(name)) {
        return type;
      }
    }
    throw new IllegalArgumentException("query type '" + name + "' is not member_search, matches or member_events");
  }
}
