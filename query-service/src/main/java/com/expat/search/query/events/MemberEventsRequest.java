package com.expat.search.query.events;

import com.expat.search.query.http.QueryParams;
import com.expat.search.query.ranking.CustomWeights;
import com.expat.search.query.ranking.RankingParams;
import com.expat.search.query.ranking.WeightsParam;
import java.util.Collection;
import java.util.OptionalLong;

/**
 * A validated {@code GET /v1/members/{id}/events}; the record is the cache key.
 *
 * @param days how far ahead events may start, 1..365 (default 30)
 * @param radiusKm how far from the member's city, 1..1000 (default 100)
 * @param profile the ranking profile's name
 * @param weights the request's custom weights on top of the profile
 * @param locale the language answers are worded in
 */
public record MemberEventsRequest(
    long memberId, int days, double radiusKm, int page, int size, boolean explain, String profile,
    CustomWeights weights,
    String locale) {
  public static final int DEFAULT_DAYS = 30;
  public static final double DEFAULT_RADIUS_KM = 100;

  /**
   * With {@code profiles} and no custom weights.
   *
   * @throws com.expat.search.query.http.ProblemException 400 naming every bad parameter
   */
  public static MemberEventsRequest parse(String pathId, QueryParams params, Collection<String> profiles) {
    return parse(pathId, params, RankingParams.of(profiles));
  }

  /**
   * @param ranking the known profiles and whether custom weights are accepted
   * @throws com.expat.search.query.http.ProblemException 400 naming every bad parameter
   */
  public static MemberEventsRequest parse(String pathId, QueryParams params, RankingParams ranking) {
    OptionalLong id = params.idValue("id", pathId);
    int days = params.integer("days", DEFAULT_DAYS, 1, 365);
    double radius = params.decimal("radius_km", 1, 1000).orElse(DEFAULT_RADIUS_KM);
    int size = params.integer("size", 20, 1, 100);
    int page = params.integer("page", 1, 1, 50);
    boolean explain = params.flag("explain");
    String profile = ranking.profile(params);
    CustomWeights weights = ranking.weights(params, WeightsParam.Features.EVENTS);
    String locale = params.displayLanguage();
    params.throwIfInvalid();
    return new MemberEventsRequest(id.getAsLong(), days, radius, page, size, explain, profile, weights, locale);
  }
}
