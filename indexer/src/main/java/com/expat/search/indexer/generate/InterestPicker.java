package com.expat.search.indexer.generate;

import com.expat.search.indexer.world.Interest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A member's interests: one to three categories (Zipf over categories), a few interests within
 * each (Zipf within the category, so hiking comes with climbing and trail running), sometimes a
 * popular interest from anywhere. Overall popularity is Zipf-like; a few members have none.
 */
final class InterestPicker {
  static final double NONE_SHARE = 0.04;
  static final int MAX = 20;

  private final int[][] byCategory;
  private final WeightedSampler categories;
  private final WeightedSampler[] withinCategory;
  private final WeightedSampler global;
  private final int[] globalOrder;

  InterestPicker(List<Interest> interests) {
    Map<String, List<Integer>> grouped = new LinkedHashMap<>();
    for (Interest interest : interests) {
      grouped.computeIfAbsent(interest.category(), c -> new ArrayList<>()).add(interest.id());
    }
    byCategory = grouped.values().stream().map(ids -> ids.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    categories = WeightedSampler.zipf(byCategory.length, 0.9);
    withinCategory = new WeightedSampler[byCategory.length];
    for (int c = 0; c < byCategory.length; c++) {
      withinCategory[c] = WeightedSampler.zipf(byCategory[c].length, 1.1);
    }
    // Global popularity: the heads of the categories first, in category order, then the rest.
    globalOrder = new int[interests.size()];
    int n = 0;
    for (int rank = 0; n < globalOrder.length; rank++) {
      for (int[] category : byCategory) {
        if (rank < category.length) {
          globalOrder[n++] = category[rank];
        }
      }
    }
    global = WeightedSampler.zipf(globalOrder.length, 1.0);
  }

  /** Distinct interest ids, in the order chosen. */
  int[] pick(RandomGenerator random) {
    if (random.nextDouble() < NONE_SHARE) {
      return new int[0];
    }
    int[] chosen = new int[MAX];
    int count = 0;
    int clusters = 1 + (random.nextDouble() < 0.55 ? 1 : 0) + (random.nextDouble() < 0.3 ? 1 : 0);
    for (int k = 0; k < clusters && count < MAX; k++) {
      int category = categories.sample(random);
      int size = 1 + (int) (-Math.log(1 - random.nextDouble()) * 2.2);
      for (int i = 0; i < size && count < MAX; i++) {
        count = add(chosen, count, byCategory[category][withinCategory[category].sample(random)]);
      }
    }
    if (random.nextDouble() < 0.4) {
      count = add(chosen, count, globalOrder[global.sample(random)]);
    }
    return Arrays.copyOf(chosen, count);
  }

  private static int add(int[] chosen, int count, int id) {
    for (int i = 0; i < count; i++) {
      if (chosen[i] == id) {
        return count;
      }
    }
    chosen[count] = id;
    return count + 1;
  }
}
