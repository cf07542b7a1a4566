package com.expat.search.ranking.signals;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Statistics over the findable members that make a shared interest count more when it is rare:
 * the weight of an interest is {@code ln(1 + N / df)}, N members in all and df of them having it
 * (at least 1: an interest nobody has counts as the rarest). Immutable and thread-safe; build one
 * per refresh of the counts (the query service refreshes them every few minutes), not per request.
 */
public final class Corpus {
  private static final Corpus UNIFORM = new Corpus(0, Map.of());

  private final long members;
  private final Map<String, Double> idf;
  private final double unknownIdf;

  private Corpus(long members, Map<String, Long> documentFrequencies) {
    this.members = members;
    Map<String, Double> weights = new HashMap<>(documentFrequencies.size() * 2);
    documentFrequencies.forEach((slug, df) -> weights.put(slug, weight(members, df)));
    this.idf = weights;
    this.unknownIdf = weight(members, 1);
  }

  private Corpus(long members, Map<String, Double> idf, boolean weightsGiven) {
    this.members = members;
    this.idf = idf;
    this.unknownIdf = weight(members, 1);
  }

  /**
   * @param members findable members in all, at least 0
   * @param interestMembers slug → members having it; counts must be at least 0
   * @throws IllegalArgumentException on a negative count
   */
  public static Corpus of(long members, Map<String, Long> interestMembers) {
    if (members < 0) {
      throw new IllegalArgumentException("members must be >= 0, was " + members);
    }
    interestMembers.forEach((slug, df) -> {
      if (df == null || df < 0) {
        throw new IllegalArgumentException("members with interest " + slug + " must be >= 0, was " + df);
      }
    });
    return new Corpus(members, interestMembers);
  }

  /**
   * Statistics given as the weights themselves, as {@link #idf(Collection)} gave them: a ranking
   * elsewhere (inside Solr) that needs the weights of a few interests only.
   *
   * @param members findable members in all, at least 0 (the weight of an interest not given)
   * @param idf slug → its weight, each finite and > 0
   * @throws IllegalArgumentException on a negative count or a weight that is not one
   */
  public static Corpus ofIdf(long members, Map<String, Double> idf) {
    if (members < 0) {
      throw new IllegalArgumentException("members must be >= 0, was " + members);
    }
    idf.forEach((slug, weight) -> {
      if (weight == null || !(weight > 0) || weight.isInfinite()) {
        throw new IllegalArgumentException("weight of interest " + slug + " must be > 0, was " + weight);
      }
    });
    return new Corpus(members, Map.copyOf(idf), true);
  }

  /** The weights of {@code slugs} ({@link #idf(String)}), by slug. */
  public Map<String, Double> idf(Collection<String> slugs) {
    Map<String, Double> result = new HashMap<>();
    for (String slug : slugs) {
      result.put(slug, idf(slug));
    }
    return result;
  }

  /** No statistics: every interest weighs the same ({@code ln 2}). */
  public static Corpus uniform() {
    return UNIFORM;
  }

  public long members() {
    return members;
  }

  /** The rarity weight of {@code slug}, {@code ln(1 + max(N,1) / max(df,1))}; always > 0. */
  public double idf(String slug) {
    Double weight = idf.get(slug);
    return weight == null ? unknownIdf : weight;
  }

  private static double weight(long members, long df) {
    return Math.log1p((double) Math.max(members, 1) / Math.max(df, 1));
  }
}
