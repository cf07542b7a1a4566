package com.expat.search.query.ranking;

import com.expat.search.ranking.EventFeature;
import com.expat.search.ranking.MemberFeature;
import com.expat.search.ranking.RankingFeature;
import com.expat.search.ranking.RankingProfile;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The weights a request sets on top of its profile ({@code weights=feature:value,...}, read by
 * {@link WeightsParam}): part of the request record, so of its cache key. Together with the
 * profile's name they determine the weights the request ranks with. Immutable.
 *
 * @param byFeature weight by feature id (the profile JSON's names), sorted; every weight finite and
 *     in [{@link WeightsParam#MIN}, {@link WeightsParam#MAX}]; empty: the profile's own weights
 */
public record CustomWeights(SortedMap<String, Double> byFeature) {
  /** No custom weights: the profile as it is. */
  public static final CustomWeights NONE = new CustomWeights(new TreeMap<>());

  public CustomWeights {
    byFeature = Collections.unmodifiableSortedMap(new TreeMap<>(byFeature));
  }

  public boolean isEmpty() {
    return byFeature.isEmpty();
  }

  /**
   * {@code profile} with these weights for members.
   *
   * @throws IllegalStateException when a name is no member feature (they were read for events)
   */
  public RankingProfile forMembers(RankingProfile profile) {
    return profile.withMemberWeights(typed(MemberFeature.class, MemberFeature::byId));
  }

  /**
   * {@code profile} with these weights for events.
   *
   * @throws IllegalStateException when a name is no event feature (they were read for members)
   */
  public RankingProfile forEvents(RankingProfile profile) {
    return profile.withEventWeights(typed(EventFeature.class, EventFeature::byId));
  }

  private <F extends Enum<F> & RankingFeature> Map<F, Double> typed(Class<F> type,
      Function<String, Optional<F>> byId) {
    EnumMap<F, Double> typed = new EnumMap<>(type);
    byFeature.forEach((id, weight) -> typed.put(
        byId.apply(id).orElseThrow(() -> new IllegalStateException(id + " is no " + type.getSimpleName())), weight));
    return typed;
  }
}
