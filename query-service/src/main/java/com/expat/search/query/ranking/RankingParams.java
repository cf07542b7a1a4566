package com.expat.search.query.ranking;

import com.expat.search.query.http.QueryParams;
import java.util.Collection;
import java.util.Set;

/**
 * How the ranked endpoints read {@code profile} and {@code weights}: the profiles the service
 * knows and whether it takes custom weights ({@code RANKING_OVERRIDES}). Immutable.
 *
 * @param profiles the known profile names
 * @param customWeights whether {@code weights=} is accepted
 */
public record RankingParams(Set<String> profiles, boolean customWeights) {
  public RankingParams {
    profiles = Set.copyOf(profiles);
  }

  /** The shipped profiles, no custom weights: what the website's requests get by default. */
  public static RankingParams shipped() {
    return of(ProfileParam.shipped());
  }

  /** {@code profiles}, no custom weights. */
  public static RankingParams of(Collection<String> profiles) {
    return new RankingParams(Set.copyOf(profiles), false);
  }

  /** The profile named by the request ({@link ProfileParam#read}). */
  public String profile(QueryParams params) {
    return ProfileParam.read(params, profiles);
  }

  /** The request's custom weights for {@code features} ({@link WeightsParam#read}). */
  public CustomWeights weights(QueryParams params, WeightsParam.Features features) {
    return WeightsParam.read(params, features, customWeights);
  }
}
