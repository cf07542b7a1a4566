package com.expat.search.query.members;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * One member in an answer (contract section 3). {@code distanceKm} is null when no location is
 * known for the request; {@code explain} is null unless asked for, and then its values sum to
 * {@code score}.
 */
public record MemberItem(
    long id,
    String displayName,
    String headline,
    String occupation,
    CityRef city,
    String originCountry,
    List<LanguageLevel> languages,
    List<String> interests,
    @JsonInclude(JsonInclude.Include.NON_NULL) Double distanceKm,
    double score,
    @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Double> explain) {

  public MemberItem {
    languages = List.copyOf(languages);
    interests = List.copyOf(interests);
    explain = explain == null ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(explain));
  }
}
