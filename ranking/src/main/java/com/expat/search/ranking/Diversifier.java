package com.expat.search.ranking;

import com.expat.search.ranking.signals.MemberSignals;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Maximal marginal relevance over the top of a ranking: see {@link DiversityParameters}. Quadratic
 * in the pool (page size × pool factor, a few hundred at most), deterministic: ties go to the
 * better-ranked item.
 */
final class Diversifier {
  private Diversifier() {}

  static List<Ranked<MemberSignals>> rerank(
      List<Ranked<MemberSignals>> ranked, int pageSize, DiversityParameters parameters) {
    return rerank(ranked, Ranked::score, Ranked::item, pageSize, parameters);
  }

  /**
   * The same pass over items ranked elsewhere (a merge of several shards' rankings): {@code
   * score} gives each item's model score, {@code member} the signals the pass compares (origin
   * and interests).
   */
  static <T> List<T> rerank(List<T> ranked, ToDoubleFunction<? super T> score,
      Function<? super T, MemberSignals> member, int pageSize, DiversityParameters parameters) {
    return rerank(ranked, score, item -> member.apply(item).originCountry(), item -> member.apply(item).interests(),
        pageSize, parameters);
  }

  /**
   * The same pass over items that are not {@link MemberSignals} (a window of members read from
   * columns): {@code origin} gives each item's nationality (null when unknown), {@code interests}
   * its interest slugs, each once.
   */
  static <T> List<T> rerank(List<T> ranked, ToDoubleFunction<? super T> score,
      Function<? super T, String> origin, Function<? super T, ? extends Collection<String>> interests, int pageSize,
      DiversityParameters parameters) {
    if (pageSize < 1) {
      throw new IllegalArgumentException("page size must be >= 1, was " + pageSize);
    }
    double strength = parameters.strength();
    if (strength == 0 || ranked.size() < 2) {
      return new ArrayList<>(ranked);
    }
    int pool = (int) Math.min(ranked.size(), (long) pageSize * parameters.poolFactor());
    int picks = Math.min(pageSize, pool);
    double[] scores = new double[pool];
    double top = 0;
    for (int i = 0; i < pool; i++) {
      scores[i] = score.applyAsDouble(ranked.get(i));
      top = Math.max(top, scores[i]);
    }
    // Each one's weighted relevance once, not once per pick.
    double[] relevance = new double[pool];
    for (int i = 0; i < pool; i++) {
      relevance[i] = (1 - strength) * (top > 0 ? scores[i] / top : 0);
    }
    Profiles profiles = Profiles.of(ranked.subList(0, pool), origin, interests);
    boolean[] taken = new boolean[pool];
    double[] closest = new double[pool];
    List<T> result = new ArrayList<>(ranked.size());
    for (int pick = 0; pick < picks; pick++) {
      int best = -1;
      double bestValue = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < pool; i++) {
        if (taken[i]) {
          continue;
        }
        double value = relevance[i] - strength * closest[i];
        if (value > bestValue) {
          best = i;
          bestValue = value;
        }
      }
      taken[best] = true;
      result.add(ranked.get(best));
      for (int i = 0; i < pool; i++) {
        if (!taken[i]) {
          closest[i] = Math.max(closest[i], profiles.similarity(best, i, parameters));
        }
      }
    }
    for (int i = 0; i < pool; i++) {
      if (!taken[i]) {
        result.add(ranked.get(i));
      }
    }
    result.addAll(ranked.subList(pool, ranked.size()));
    return result;
  }

  /** In [0, 1]: same nationality and overlapping interests make two members alike. */
  static double similarity(MemberSignals a, MemberSignals b, DiversityParameters parameters) {
    double sameOrigin = a.originCountry() != null && a.originCountry().equals(b.originCountry()) ? 1 : 0;
    return parameters.sameOrigin() * sameOrigin + parameters.sharedInterests() * jaccard(a.interests(), b.interests());
  }

  /**
   * The pool's origins and interest sets, interned once: interests as bit sets over the slugs the
   * pool uses, so each of the pool × page similarities is a few popcounts, not string hashing.
   * Gives exactly {@link #similarity}'s values.
   */
  private record Profiles(int[] origins, long[][] interests, int[] interestCounts) {
    static <T> Profiles of(List<T> pool, Function<? super T, String> originOf,
        Function<? super T, ? extends Collection<String>> interestsOf) {
      Map<String, Integer> originIds = new HashMap<>(2 * pool.size());
      Map<String, Integer> slugIds = new HashMap<>(4 * pool.size());
      int[] origins = new int[pool.size()];
      List<int[]> slugsPerMember = new ArrayList<>(pool.size());
      for (int i = 0; i < pool.size(); i++) {
        T item = pool.get(i);
        String origin = originOf.apply(item);
        // -1 - i: a member without an origin shares it with nobody, itself included.
        origins[i] = origin == null ? -1 - i : originIds.computeIfAbsent(origin, k -> originIds.size());
        Collection<String> interests = interestsOf.apply(item);
        int[] slugs = new int[interests.size()];
        int k = 0;
        for (String slug : interests) {
          slugs[k++] = slugIds.computeIfAbsent(slug, key -> slugIds.size());
        }
        slugsPerMember.add(slugs);
      }
      int words = (slugIds.size() + 63) / 64;
      long[][] interests = new long[pool.size()][words];
      int[] counts = new int[pool.size()];
      for (int i = 0; i < pool.size(); i++) {
        for (int slug : slugsPerMember.get(i)) {
          interests[i][slug >>> 6] |= 1L << slug;
        }
        counts[i] = slugsPerMember.get(i).length;
      }
      return new Profiles(origins, interests, counts);
    }

    double similarity(int a, int b, DiversityParameters parameters) {
      double sameOrigin = origins[a] == origins[b] ? 1 : 0;
      return parameters.sameOrigin() * sameOrigin + parameters.sharedInterests() * jaccard(a, b);
    }

    private double jaccard(int a, int b) {
      if (interestCounts[a] == 0 && interestCounts[b] == 0) {
        return 0;
      }
      int shared = 0;
      long[] x = interests[a];
      long[] y = interests[b];
      for (int w = 0; w < x.length; w++) {
        shared += Long.bitCount(x[w] & y[w]);
      }
      return (double) shared / (interestCounts[a] + interestCounts[b] - shared);
    }
  }

  private static double jaccard(Set<String> a, Set<String> b) {
    if (a.isEmpty() && b.isEmpty()) {
      return 0;
    }
    int shared = 0;
    for (String slug : a) {
      if (b.contains(slug)) {
        shared++;
      }
    }
    return (double) shared / (a.size() + b.size() - shared);
  }
}
