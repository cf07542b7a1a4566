package com.expat.search.lab;


import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The floor: a seeded shuffle of the query's candidates (or of its judged documents when it has
 * no candidate pool). The order depends only on the seed and the query id, not on the order in
 * which queries are run. Thread-safe.
 */
public final class RandomRanker implements Ranker {
  private final long seed;

  public RandomRanker(long seed) {
    this.seed = seed;
  }

  @Override
  public String name() {
    return "random";
  }

  @Override
  public List<String> rank(LabQuery query, int k) {
    List<String> pool = new ArrayList<>(query.candidates().isEmpty() ? query.judgments().keySet() : query.candidates());
    Collections.sort(pool);
    Collections.shuffle(pool, new Random(seed * 0x9E3779B97F4A7C15L ^ query.id().hashCode()));
    return List.copyOf(pool.subList(0, Math.min(k, pool.size())));
  }
}
