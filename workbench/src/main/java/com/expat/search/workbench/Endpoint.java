package com.expat.search.workbench;

import com.expat.search.lab.QueryType;
import java.util.Locale;
import java.util.Optional;

/** The ranked endpoints the workbench compares, by their name in the page's URL. */
enum Endpoint {
  MATCHES("matches", "Matches for a viewer", true, false, true),
  MEMBER_EVENTS("member_events", "Events for a viewer", true, false, false),
  MEMBER_SEARCH("member_search", "Member search", false, true, true),
  EVENT_SEARCH("event_search", "Event search", false, true, false);

  final String wireName;
  final String label;
  final boolean needsViewer;
  final boolean takesText;
  final boolean members;

  Endpoint(String wireName, String label, boolean needsViewer, boolean takesText, boolean members) {
    this.wireName = wireName;
    this.label = label;
    this.needsViewer = needsViewer;
    this.takesText = takesText;
    this.members = members;
  }

  /** The API path; {@code viewer} is set when {@link #needsViewer}. */
  String path(Long viewer) {
    return switch (this) {
      case MATCHES -> "/v1/members/" + viewer + "/matches";
      case MEMBER_EVENTS -> "/v1/members/" + viewer + "/events";
      case MEMBER_SEARCH -> "/v1/members/search";
      case EVENT_SEARCH -> "/v1/events/search";
    };
  }

  /** The judged-set type its grades are saved as; empty where the lab has none (event search). */
  Optional<QueryType> queryType() {
    return switch (this) {
      case MATCHES -> Optional.of(QueryType.MATCHES);
      case MEMBER_EVENTS -> Optional.of(QueryType.MEMBER_EVENTS);
      case MEMBER_SEARCH -> Optional.of(QueryType.MEMBER_SEARCH);
      case EVENT_SEARCH -> Optional.empty();
    };
  }

  static Endpoint of(QueryType type) {
    return switch (type) {
      case MATCHES -> MATCHES;
      case MEMBER_EVENTS -> MEMBER_EVENTS;
      case MEMBER_SEARCH -> MEMBER_SEARCH;
    };
  }

  /** @throws BadRequest naming the value when it is no endpoint */
  static Endpoint parse(String name) {
    for (Endpoint endpoint : values()) {
      if (endpoint.wireName.equals(name.strip().toLowerCase(Locale.ROOT))) {
        return endpoint;
      }
    }
    throw new BadRequest("endpoint '" + name + "' is not matches, member_events, member_search or event_search");
  }
}
