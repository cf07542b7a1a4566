package com.expat.search.query.search;

import com.expat.search.vocabulary.MemberFields;
import java.util.Locale;
import java.util.Optional;

/** The facets a member search can count, by API name, with the field each counts. */
public enum FacetField {
  CITY(MemberFields.CITY_ID),
  LANGUAGE(MemberFields.LANGUAGES),
  INTEREST(MemberFields.INTERESTS),
  ORIGIN(MemberFields.ORIGIN_COUNTRY);

  private final String solrField;

  FacetField(String solrField) {
    this.solrField = solrField;
  }

  public String solrField() {
    return solrField;
  }

  /** The name in requests and in the answer's {@code facets} object. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<FacetField> parse(String name) {
    for (FacetField facet : values()) {
      if (facet.apiName().equalsIgnoreCase(name.strip())) {
        return Optional.of(facet);
      }
    }
    return Optional.empty();
  }
}
