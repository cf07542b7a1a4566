package com.expat.search.ranking.signals;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * What ranking knows about a member, as the index holds it. Immutable and thread-safe.
 *
 * @param id the member id
 * @param location where the member lives (their city's coordinates); null when unknown
 * @param cityId the member's city (GeoNames id); 0 when unknown
 * @param cityName the city's name, for reasons such as "new in Munich"; null when unknown
 * @param originCountry ISO 3166 code of the member's nationality; null when unknown
 * @param languages ISO 639-1 code → level, kept in code order; never null (null is read as empty)
 * @param interests interest slugs; never null (null is read as empty)
 * @param lastActiveAt last activity; null when unknown (counts as long ago)
 * @param createdAt account creation; null when unknown (counts as an old account)
 * @param profileQuality the indexer's {@link com.expat.search.ranking.ProfileQuality}, 0..1
 * @throws IllegalArgumentException when {@code profileQuality} is outside 0..1
 */
public record MemberSignals(
    long id,
    LatLon location,
    long cityId,
    String cityName,
    String originCountry,
    Map<String, LanguageLevel> languages,
    Set<String> interests,
    Instant lastActiveAt,
    Instant createdAt,
    double profileQuality) {

  public MemberSignals {
    languages = LanguageLevel.inCodeOrder(languages);
    interests = interests == null ? Set.of() : Set.copyOf(interests);
    if (!(profileQuality >= 0 && profileQuality <= 1)) {
      throw new IllegalArgumentException("profileQuality must be in 0..1, was " + profileQuality);
    }
  }
}
