package com.expat.search.query.matches;

import com.expat.search.query.http.QueryParams;
import com.expat.search.query.ranking.ProfileParam;
import java.util.Collection;
import java.util.OptionalLong;

/**
 * A validated {@code GET /v1/members/{id}/matches}; the record is the cache key.
 *
 * @param radiusKm how far from the member's city, 1..1000 (default 100)
 * @param profile the ranking profile's name
 */
public record MatchesRequest(long memberId, double radiusKm, int page, int size, boolean explain, String profile) {
  public static final double DEFAULT_RADIUS_KM = 100;

  /**
   * @param profiles the known ranking profiles
   * @throws com.expat.search.query.http.ProblemException 400 naming every bad parameter
   */
  public static MatchesRequest parse(String pathId, QueryParams params, Collection<String> profiles) {
    OptionalLong id = params.idValue("id", pathId);
    double radius = params.decimal("radius_km", 1, 1000).orElse(DEFAULT_RADIUS_KM);
    int size = params.integer("size", 20, 1, 100);
    int page = params.integer("page", 1, 1, 50);
    boolean explain = params.flag("explain");
    String profile = ProfileParam.read(params, profiles);
    params.throwIfInvalid();
    return new MatchesRequest(id.getAsLong(), radius, page, size, explain, profile);
  }
}
