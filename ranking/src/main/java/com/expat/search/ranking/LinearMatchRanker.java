package com.expat.search.ranking;

import com.expat.search.ranking.signals.Candidate;
import com.expat.search.ranking.signals.Corpus;
import com.expat.search.ranking.signals.MemberSignals;
import com.expat.search.ranking.signals.Viewer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** {@link MatchRanker}: a weighted sum of the {@link MemberFeature}s ({@link MatchModel}). */
final class LinearMatchRanker implements MatchRanker {
  static final Comparator<Ranked<?>> BEST_FIRST = (a, b) -> Double.compare(b.score(), a.score());

  @Override
  public List<Ranked<MemberSignals>> rank(
      Viewer viewer, List<Candidate<MemberSignals>> candidates, RankingProfile profile, Corpus corpus, Instant now) {
    MatchModel model = MatchModel.of(viewer, profile, corpus, now);
    List<Ranked<MemberSignals>> result = new ArrayList<>(candidates.size());
    for (Candidate<MemberSignals> candidate : candidates) {
      result.add(model.ranked(candidate.signals(), candidate.textRelevance()));
    }
    result.sort(BEST_FIRST);
    return result;
  }

  @Override
  public List<Ranked<MemberSignals>> diversify(
      List<Ranked<MemberSignals>> ranked, int pageSize, RankingProfile profile) {
    return Diversifier.rerank(ranked, pageSize, profile.diversity());
  }
}
