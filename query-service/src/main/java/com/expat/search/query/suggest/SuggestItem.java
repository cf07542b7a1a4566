package com.expat.search.query.suggest;

import com.expat.search.query.members.CityRef;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One suggestion. {@code type} says which fields it has: {@code city}: {@code id}, {@code
 * label}, {@code country_code}; {@code interest}: {@code slug}, {@code label}; {@code member}:
 * {@code id}, {@code label} (the display name), {@code city}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SuggestItem(String type, Long id, String slug, String label, String countryCode, CityRef city) {

  static SuggestItem city(long id, String name, String countryCode) {
    return new SuggestItem("city", id, null, name, countryCode, null);
  }

  static SuggestItem interest(String slug, String name) {
    return new SuggestItem("interest", null, slug, name, null, null);
  }

  static SuggestItem member(long id, String name, CityRef city) {
    return new SuggestItem("member", id, null, name, null, city);
  }
}
