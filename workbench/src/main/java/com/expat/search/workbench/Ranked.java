package com.expat.search.workbench;

import java.util.List;
import java.util.Map;

/**
 * One side's answer as the page shows it: the items with their explanations, or why there is none.
 *
 * @param error the service's problem (or the failure reaching it) in words; null when it answered
 */
record Ranked(long total, List<Item> items, String error, String request) {
  Ranked {
    items = List.copyOf(items);
  }

  static Ranked failed(String request, String error) {
    return new Ranked(0, List.of(), error, request);
  }

  /**
   * @param explain feature to contribution, summing to {@code score}, in the API's order
   * @param subtitle a line under the title: headline, city and distance for members; date and city for events
   */
  record Item(String id, String title, String subtitle, double score, Map<String, Double> explain, List<String> reasons) {
    Item {
      explain = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(explain));
      reasons = List.copyOf(reasons);
    }
  }

  /** Ranks (from 1) by id. */
  Map<String, Integer> ranks() {
    Map<String, Integer> ranks = new java.util.HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      ranks.putIfAbsent(items.get(i).id(), i + 1);
    }
    return ranks;
  }
}
