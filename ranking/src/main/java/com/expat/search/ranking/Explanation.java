package com.expat.search.ranking;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Why an item has its score: every feature of the model in model order, whose contributions sum
 * to {@code score} exactly (the score is computed as that sum, in that order), and short reasons
 * for people, strongest first. Immutable.
 *
 * @param reasons e.g. "3 shared interests: hiking, jazz, climbing", "both speak Spanish (native)",
 *     "2 km away", "active this week", "new in Munich"
 */
public record Explanation(double score, List<Contribution> contributions, List<String> reasons) {
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
