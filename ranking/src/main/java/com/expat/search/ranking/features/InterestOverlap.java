package com.expat.search.ranking.features;

import com.expat.search.ranking.signals.Corpus;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Shared interests weighted by rarity: the share of one side's interest weight that the other
 * side has, {@code Σ idf(s) for s in mine ∩ theirs / Σ idf(s) for s in mine}, with {@code idf}
 * from the {@link Corpus} ({@code ln(1 + N/df)}). In [0, 1]; one more shared interest never
 * lowers it, and sharing a rare interest counts more than sharing a common one.
 */
public final class InterestOverlap {
  private InterestOverlap() {}

  /**
   * Each of {@code mine} with its share of their total rarity weight (the weights sum to 1), in
   * slug order. Compute once per request and pass to {@link #share(Map, Set)} for each candidate.
   */
  public static Map<String, Double> weights(Collection<String> mine, Corpus corpus) {
    Set<String> slugs = new TreeSet<>(mine);
    double total = 0;
    for (String slug : slugs) {
      total += corpus.idf(slug);
    }
    Map<String, Double> result = new LinkedHashMap<>();
    for (String slug : slugs) {
      result.put(slug, corpus.idf(slug) / total);
    }
    return result;
  }

  /** Σ of the {@code weights} whose slug {@code theirs} has: a value in [0, 1]. */
  public static double share(Map<String, Double> weights, Set<String> theirs) {
    double sum = 0;
    for (Map.Entry<String, Double> entry : weights.entrySet()) {
      if (theirs.contains(entry.getKey())) {
        sum += entry.getValue();
      }
    }
    return sum;
  }

  /** The share of {@code mine}'s rarity weight that {@code theirs} has, without precomputed weights. */
  public static double share(Set<String> mine, Set<String> theirs, Corpus corpus) {
    double shared = 0;
    double total = 0;
    for (String slug : mine) {
      double idf = corpus.idf(slug);
      total += idf;
      if (theirs.contains(slug)) {
        shared += idf;
      }
    }
    return share(shared, total);
  }

  /**
   * The share {@code sharedWeight / totalWeight} of one side's rarity weight ({@code total}: the
   * sum of its interests' idf, {@code shared}: of those the other side has); 0 without interests.
   * For a caller that sums the weights itself (over columns of interest ordinals inside Solr).
   */
  public static double share(double sharedWeight, double totalWeight) {
    return totalWeight == 0 ? 0 : sharedWeight / totalWeight;
  }

  /** The interests both have, rarest first (then by slug), for reasons. */
  public static List<String> shared(Set<String> mine, Set<String> theirs, Corpus corpus) {
    List<String> result = new ArrayList<>();
    for (String slug : mine) {
      if (theirs.contains(slug)) {
        result.add(slug);
      }
    }
    result.sort(Comparator.comparingDouble((String slug) -> -corpus.idf(slug)).thenComparing(s -> s));
    return result;
  }
}
