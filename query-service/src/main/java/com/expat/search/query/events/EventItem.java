package com.expat.search.query.events;

import com.expat.search.query.members.CityRef;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One event in an answer (contract section 3). {@code capacity} is null for no limit and always
 * written; {@code distanceKm} is null (left out) when no location is known for the request;
 * {@code explain} and {@code reasons} are null unless asked for; then {@code explain}'s values sum
 * to {@code score} and {@code reasons} are the model's short reasons for people, strongest first.
 */
public record EventItem(
    long id,
    String title,
    CityRef city,
    String venueName,
    Instant startsAt,
    Instant endsAt,
    String language,
    List<String> interests,
    int attendeeCount,
    Integer capacity,
    @JsonInclude(JsonInclude.Include.NON_NULL) Double distanceKm,
    double score,
    @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Double> explain,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<String> reasons) {

  public EventItem {
    interests = List.copyOf(interests);
    explain = explain == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(explain));
    reasons = reasons == null ? null : List.copyOf(reasons);
  }
}
