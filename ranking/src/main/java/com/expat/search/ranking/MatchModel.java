package com.expat.search.ranking;

import static com.expat.search.ranking.MemberFeature.*;

import com.expat.search.ranking.features.DistanceDecay;
import com.expat.search.ranking.features.HalfLifeDecay;
import com.expat.search.ranking.features.InterestOverlap;
import com.expat.search.ranking.features.LanguageFit;
import com.expat.search.ranking.features.Reciprocal;
import com.expat.search.ranking.signals.Corpus;
import com.expat.search.ranking.signals.LanguageLevel;
import com.expat.search.ranking.signals.LatLon;
import com.expat.search.ranking.signals.MemberSignals;
import com.expat.search.ranking.signals.Viewer;
import java.time.Instant;
import java.util.Map;

/**
 * The whole member model for one request (viewer, profile, corpus, time), prepared once: the
 * profile's weights, the viewer's rarity-weighted interests, the decays' rates. {@link
 * MatchRanker#rank} scores {@link MemberSignals} through it; a ranking that holds the members as
 * columns (inside Solr) gives it the same inputs as plain values ({@link #score}), computed with
 * the same feature functions, and gets the same score without building a member's signals. Only
 * an explanation needs them ({@link #ranked}). Immutable; thread-safe.
 */
public final class MatchModel {
  /** An epoch-ms date that is not known (counts as long ago, as a null {@code Instant}). */
  public static final long UNKNOWN_DATE = Long.MIN_VALUE;

  private static final MemberFeature[] FEATURES = MemberFeature.values();

  private final Viewer viewer;
  private final RankingProfile profile;
  private final Corpus corpus;
  private final MemberParameters parameters;
  private final Map<String, Double> interestWeights;
  private final Scoring<MemberSignals> scoring;
  private final double activityRate;
  private final double newnessRate;
  private final long nowMs;

  private MatchModel(Viewer viewer, RankingProfile profile, Corpus corpus, Instant now) {
    this.viewer = viewer;
    this.profile = profile;
    this.corpus = corpus;
    this.parameters = profile.members();
    double[] weights = new double[FEATURES.length];
    for (MemberFeature feature : FEATURES) {
      weights[feature.ordinal()] = parameters.weight(feature);
    }
    this.interestWeights = InterestOverlap.weights(viewer.interests(), corpus);
    this.scoring = new Scoring<>(FEATURES, weights, new MemberReasons(viewer, profile, corpus, now));
    this.activityRate = HalfLifeDecay.rate(parameters.activityHalfLife());
    this.newnessRate = HalfLifeDecay.rate(parameters.newnessHalfLife());
    this.nowMs = now.toEpochMilli();
  }

  public static MatchModel of(Viewer viewer, RankingProfile profile, Corpus corpus, Instant now) {
    return new MatchModel(viewer, profile, corpus, now);
  }

  public Viewer viewer() {
    return viewer;
  }

  public Corpus corpus() {
    return corpus;
  }

  /**
   * The viewer's interests, each with its share of their rarity weight ({@link
   * InterestOverlap#weights}), in slug order: a member's {@code shared_interests} is the sum of
   * the shares of the interests they have, added in this order.
   */
  public Map<String, Double> interestWeights() {
    return interestWeights;
  }

  /** {@code shared_languages} of a member who speaks {@code theirs} (code → strongest level). */
  public double sharedLanguages(Map<String, LanguageLevel> theirs) {
    return LanguageFit.value(viewer.languages(), theirs, profile.languageLevels());
  }

  /**
   * What one language both speak gives {@link #sharedLanguages}: the viewer's level's weight
   * times the member's ({@link LanguageFit#pair}); a ranking over columns combines these in the
   * viewer's language order with {@link LanguageFit#andNot}, as {@link #sharedLanguages} does.
   */
  public double languagePair(LanguageLevel mine, LanguageLevel theirs) {
    return LanguageFit.pair(mine, theirs, profile.languageLevels());
  }

  /**
   * The model's score of a member given as plain values, exactly as {@link #ranked} scores them.
   *
   * @param textRelevance 0..1, 0 without query text
   * @param latitude the member's place, NaN when unknown (as {@code longitude})
   * @param sharedInterests the sum of {@link #interestWeights} over the member's interests
   * @param theirsShared {@link InterestOverlap#share(double, double)} of the member's interests
   *     the viewer has
   * @param sharedLanguages {@link #sharedLanguages}
   * @param lastActiveMs epoch ms, {@link #UNKNOWN_DATE} when unknown (as {@code createdMs})
   * @param profileQuality 0..1
   */
  public double score(double textRelevance, double latitude, double longitude, double sharedInterests,
      double theirsShared, double sharedLanguages, long lastActiveMs, long createdMs, double profileQuality) {
    return scoring.score(values(textRelevance, latitude, longitude, sharedInterests, theirsShared, sharedLanguages,
        lastActiveMs, createdMs, profileQuality));
  }

  /** The scored and explainable member: the values as {@link #score} takes them, and its signals for the reasons. */
  public Ranked<MemberSignals> ranked(MemberSignals member, double textRelevance, double sharedInterests,
      double theirsShared, double sharedLanguages) {
    LatLon location = member.location();
    return new Ranked<>(member, values(textRelevance, location == null ? Double.NaN : location.latitude(),
        location == null ? Double.NaN : location.longitude(), sharedInterests, theirsShared, sharedLanguages,
        epochMs(member.lastActiveAt()), epochMs(member.createdAt()), member.profileQuality()), scoring);
  }

  /** One member scored from their signals alone. */
  Ranked<MemberSignals> ranked(MemberSignals member, double textRelevance) {
    return ranked(member, textRelevance, InterestOverlap.share(interestWeights, member.interests()),
        InterestOverlap.share(member.interests(), viewer.interests(), corpus), sharedLanguages(member.languages()));
  }

  private double[] values(double textRelevance, double latitude, double longitude, double sharedInterests,
      double theirsShared, double sharedLanguages, long lastActiveMs, long createdMs, double profileQuality) {
    double[] values = new double[FEATURES.length];
    values[TEXT.ordinal()] = textRelevance;
    values[DISTANCE.ordinal()] = DistanceDecay.value(viewer.origin(),
        Double.isNaN(latitude) ? null : new LatLon(latitude, longitude), parameters.distanceScaleKm());
    values[SHARED_INTERESTS.ordinal()] = sharedInterests;
    values[RECIPROCAL_INTERESTS.ordinal()] = Reciprocal.harmonicMean(sharedInterests, theirsShared);
    values[SHARED_LANGUAGES.ordinal()] = sharedLanguages;
    values[RECENT_ACTIVITY.ordinal()] = decay(lastActiveMs, activityRate);
    values[NEWNESS.ordinal()] = decay(createdMs, newnessRate);
    values[PROFILE_QUALITY.ordinal()] = profileQuality;
    return values;
  }

  /** {@link HalfLifeDecay#value(Instant, Instant, java.time.Duration)} over epoch ms. */
  private double decay(long sinceMs, double rate) {
    return sinceMs == UNKNOWN_DATE ? 0 : HalfLifeDecay.value(sinceMs, nowMs, rate);
  }

  private static long epochMs(Instant instant) {
    return instant == null ? UNKNOWN_DATE : instant.toEpochMilli();
  }
}
