package com.expat.search.ranking;

import com.expat.search.ranking.signals.MemberSignals;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Maximal marginal relevance over the top of a ranking: see {@link DiversityParameters}. Quadratic
 * in the pool (page size × pool factor, a few hundred at most), deterministic: ties go to the
 * better-ranked item.
 */
final class Diversifier {
  private Diversifier() {}

  static List<Ranked<MemberSignals>> rerank(
      List<Ranked<MemberSignals>> ranked, int pageSize, DiversityParameters parameters) {
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
      top = Math.max(top, ranked.get(i).score());
    }
    boolean[] taken = new boolean[pool];
    double[] closest = new double[pool];
    List<Ranked<MemberSignals>> result = new ArrayList<>(ranked.size());
    for (int pick = 0; pick < picks; pick++) {
      int best = -1;
      double bestValue = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < pool; i++) {
        if (taken[i]) {
          continue;
        }
        double relevance = top > 0 ? ranked.get(i).score() / top : 0;
        double value = (1 - strength) * relevance - strength * closest[i];
        if (value > bestValue) {
          best = i;
          bestValue = value;
        }
      }
      taken[best] = true;
      MemberSignals chosen = ranked.get(best).item();
      result.add(ranked.get(best));
      for (int i = 0; i < pool; i++) {
        if (!taken[i]) {
          closest[i] = Math.max(closest[i], similarity(chosen, ranked.get(i).item(), parameters));
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
