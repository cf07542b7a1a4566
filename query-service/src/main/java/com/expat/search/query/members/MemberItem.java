package com.expat.search.query.members;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Map;

/**
 * One member in an answer (contract section 3). {@code distanceKm} is null when no location is
 * known for the request; {@code explain} is null unless asked for, and then its values sum to
 * {@code score}; {@code reasons} (with {@code explain}) are the model's short reasons for people,
 * strongest first.
 */
@JsonSerialize(using = MemberItemJson.class)
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
    @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Double> explain,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<String> reasons) {

  public MemberItem {
    languages = List.copyOf(languages);
    interests = List.copyOf(interests);
    explain = explain == null ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(explain));
    reasons = reasons == null ? null : List.copyOf(reasons);
  }

  /** The same item in another city's words. */
  public MemberItem withCity(CityRef other) {
    return new MemberItem(id, displayName, headline, occupation, other, originCountry, languages, interests,
        distanceKm, score, explain, reasons);
  }

  /** An item without reasons. */
  public MemberItem(long id, String displayName, String headline, String occupation, CityRef city,
      String originCountry, List<LanguageLevel> languages, List<String> interests, Double distanceKm,
      double score, Map<String, Double> explain) {
    this(id, displayName, headline, occupation, city, originCountry, languages, interests, distanceKm, score,
        explain, null);
  }
}
