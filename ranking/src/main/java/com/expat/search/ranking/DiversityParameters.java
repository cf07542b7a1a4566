package com.expat.search.ranking;

/**
 * How much the first page of matches is diversified (maximal marginal relevance): each next item
 * maximizes {@code (1 - strength) × score/topScore - strength × max similarity to those already
 * chosen}, where similarity is {@code sameOrigin × [same nationality] + sharedInterests ×
 * Jaccard(interests)}. Strength 0 keeps the ranked order. Immutable.
 *
 * @param strength 0..1
 * @param poolFactor the first page is chosen from the top {@code poolFactor × page size}, >= 1
 * @param sameOrigin weight of sharing a nationality in similarity, >= 0
 * @param sharedInterests weight of interest overlap in similarity, >= 0; with {@code sameOrigin}
 *     at most 1
 * @throws IllegalArgumentException naming the bad parameter
 */
public record DiversityParameters(double strength, int poolFactor, double sameOrigin, double sharedInterests) {
  public DiversityParameters {
    if (!(strength >= 0 && strength <= 1)) {
      throw new IllegalArgumentException("diversity strength must be in 0..1, was " + strength);
    }
    if (poolFactor < 1) {
      throw new IllegalArgumentException("diversity pool must be >= 1, was " + poolFactor);
    }
    if (!(sameOrigin >= 0 && sharedInterests >= 0 && sameOrigin + sharedInterests <= 1)) {
      throw new IllegalArgumentException("diversity same_origin and shared_interests must be >= 0 and sum to at most 1, were "
          + sameOrigin + " and " + sharedInterests);
    }
  }

  /** No diversification. */
  public static DiversityParameters none() {
    return new DiversityParameters(0, 1, 0.5, 0.5);
  }
}
