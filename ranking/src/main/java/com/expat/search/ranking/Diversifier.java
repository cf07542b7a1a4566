package com.expat.search.ranking;

import com.expat.search.ranking.signals.MemberSignals;
import java.util.ArrayList;
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
    if (pageSize < 1) {
      throw new IllegalArgumentException("page size must be >= 1, was " + pageSize);
    }
    double strength = parameters.strength();
    if (strength == 0 || ranked.size() < 2) {
      return new ArrayList<>(ranked);
    }
    int pool = (int) Math.min(ranked.size(), (long) pageSize * parameters.poolFactor());
    int picks = Math.min(pageSize, pool);
    double top = 0;
    for (int i = 0; i < pool; i++) {
      top = Math.max(top, score.applyAsDouble(ranked.get(i)));
    }
    Profiles profiles = Profiles.of(ranked.subList(0, pool), member);
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
        double relevance = top > 0 ? score.applyAsDouble(ranked.get(i)) / top : 0;
        double value = (1 - strength) * relevance - strength * closest[i];
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
    static <T> Profiles of(List<T> pool, Function<? super T, MemberSignals> signals) {
      Map<String, Integer> originIds = new HashMap<>();
      Map<String, Integer> slugIds = new HashMap<>();
      int[] origins = new int[pool.size()];
      List<int[]> slugsPerMember = new ArrayList<>(pool.size());
      for (int i = 0; i < pool.size(); i++) {
        MemberSignals member = signals.apply(pool.get(i));
        // -1 - i: a member without an origin shares it with nobody, itself included.
        origins[i] = member.originCountry() == null ? -1 - i
            : originIds.computeIfAbsent(member.originCountry(), k -> originIds.size());
        int[] slugs = new int[member.interests().size()];
        int k = 0;
        for (String slug : member.interests()) {
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
