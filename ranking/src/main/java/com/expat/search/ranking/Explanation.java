package com.expat.search.ranking;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Why an item has its score: every feature of the model in model order, whose contributions sum
 * to {@code score} exactly (the score is computed as that sum, in that order), and the reasons for
 * people, strongest first, as language-neutral codes ({@link Reason}). Immutable.
 *
 * @param reasons e.g. {@code shared_interests [3, hiking, jazz, climbing]}, {@code shared_languages
 *     [es, native, 0]}, {@code distance [2]}, {@code active_this_week []}, {@code new_in_city [Munich]}
 */
public record Explanation(double score, List<Contribution> contributions, List<Reason> reasons) {
  public Explanation {
    contributions = List.copyOf(contributions);
    reasons = List.copyOf(reasons);
  }

  /** Feature id → contribution, in model order: the API's {@code explain} object. */
  public Map<String, Double> byFeature() {
    Map<String, Double> result = new LinkedHashMap<>();
    for (Contribution contribution : contributions) {
      result.put(contribution.feature(), contribution.contribution());
    }
    return result;
  }
}
