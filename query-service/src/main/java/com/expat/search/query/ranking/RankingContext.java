package com.expat.search.query.ranking;

import com.expat.search.query.members.GeoPoint;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Whom a ranking is for: where they are and what they speak and like. Everything is optional;
 * an anonymous search knows at most a location.
 *
 * @param origin the point distances are measured from (a viewer's city, {@code near}, or the
 *     {@code city} searched)
 * @param cityId the seeker's own city
 * @param languages ISO 639-1 codes the seeker speaks
 * @param interestWeights the seeker's interest slugs, each with its weight (rarer: heavier)
 */
public record RankingContext(
    Optional<GeoPoint> origin,
    OptionalLong cityId,
    Set<String> languages,
    Map<String, Double> interestWeights) {

  public RankingContext {
    languages = Set.copyOf(languages);
    interestWeights = Map.copyOf(interestWeights);
  }

  public static RankingContext anonymous(Optional<GeoPoint> origin) {
    return new RankingContext(origin, OptionalLong.empty(), Set.of(), Map.of());
  }
}
