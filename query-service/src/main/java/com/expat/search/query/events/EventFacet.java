package com.expat.search.query.events;

import com.expat.search.vocabulary.EventFields;
import java.util.Locale;
import java.util.Optional;

/** The facets an event search can count, by API name, with the field each counts. */
public enum EventFacet {
  CITY(EventFields.CITY_ID),
  LANGUAGE(EventFields.LANGUAGE),
  INTEREST(EventFields.INTERESTS);

  private final String solrField;

  EventFacet(String solrField) {
    this.solrField = solrField;
  }

  String solrField() {
    return solrField;
  }

  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<EventFacet> parse(String name) {
    for (EventFacet facet : values()) {
      if (facet.apiName().equalsIgnoreCase(name.strip())) {
        return Optional.of(facet);
      }
    }
    return Optional.empty();
  }
}
