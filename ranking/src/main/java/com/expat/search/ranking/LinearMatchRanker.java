package com.expat.search.ranking;

import static com.expat.search.ranking.MemberFeature.*;

import com.expat.search.ranking.features.DistanceDecay;
import com.expat.search.ranking.features.HalfLifeDecay;
import com.expat.search.ranking.features.InterestOverlap;
import com.expat.search.ranking.features.LanguageFit;
import com.expat.search.ranking.features.Reciprocal;
import com.expat.search.ranking.signals.Candidate;
import com.expat.search.ranking.signals.Corpus;
import com.expat.search.ranking.signals.MemberSignals;
import com.expat.search.ranking.signals.Viewer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** {@link MatchRanker}: a weighted sum of the {@link MemberFeature}s. */
final class LinearMatchRanker implements MatchRanker {
  private static final MemberFeature[] FEATURES = MemberFeature.values();
  static final Comparator<Ranked<?>> BEST_FIRST = (a, b) -> Double.compare(b.score(), a.score());

  @Override
  public List<Ranked<MemberSignals>> rank(
      Viewer viewer, List<Candidate<MemberSignals>> candidates, RankingProfile profile, Corpus corpus, Instant now) {
    MemberParameters parameters = profile.members();
    double[] weights = new double[FEATURES.length];
    for (MemberFeature feature : FEATURES) {
      weights[feature.ordinal()] = parameters.weight(feature);
    }
    Map<String, Double> viewerInterests = InterestOverlap.weights(viewer.interests(), corpus);
    Scoring<MemberSignals> scoring =
        new Scoring<>(FEATURES, weights, new MemberReasons(viewer, profile, corpus, now));

    List<Ranked<MemberSignals>> result = new ArrayList<>(candidates.size());
    for (Candidate<MemberSignals> candidate : candidates) {
      MemberSignals member = candidate.signals();
      double[] values = new double[FEATURES.length];
      values[TEXT.ordinal()] = candidate.textRelevance();
      values[DISTANCE.ordinal()] =
          DistanceDecay.value(viewer.origin(), member.location(), parameters.distanceScaleKm());
      double mine = InterestOverlap.share(viewerInterests, member.interests());
      values[SHARED_INTERESTS.ordinal()] = mine;
      values[RECIPROCAL_INTERESTS.ordinal()] =
          Reciprocal.harmonicMean(mine, InterestOverlap.share(member.interests(), viewer.interests(), corpus));
      values[SHARED_LANGUAGES.ordinal()] =
          LanguageFit.value(viewer.languages(), member.languages(), profile.languageLevels());
      values[RECENT_ACTIVITY.ordinal()] =
          HalfLifeDecay.value(member.lastActiveAt(), now, parameters.activityHalfLife());
      values[NEWNESS.ordinal()] = HalfLifeDecay.value(member.createdAt(), now, parameters.newnessHalfLife());
      values[PROFILE_QUALITY.ordinal()] = member.profileQuality();
      result.add(new Ranked<>(member, values, scoring));
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
