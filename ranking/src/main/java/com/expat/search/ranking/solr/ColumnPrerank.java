package com.expat.search.ranking.solr;

import com.expat.search.ranking.MemberFeature;
import com.expat.search.ranking.MemberParameters;
import com.expat.search.ranking.features.DistanceDecay;
import com.expat.search.ranking.features.HalfLifeDecay;
import com.expat.search.ranking.features.InterestOverlap;
import com.expat.search.ranking.features.LanguageFit;
import com.expat.search.ranking.signals.Corpus;
import com.expat.search.ranking.signals.LanguageLevel;
import com.expat.search.ranking.signals.LatLon;
import java.util.Map;
import java.util.Set;

/**
 * The members' pre-rank over plain values, for a search engine that holds the index as columns:
 * the weighted sum of the features it can read per document (distance, shared interests, shared
 * languages, recent activity, newness, profile quality), each computed by the model's own feature
 * functions. It leaves {@code text}, {@code reciprocal_interests} and diversity to the whole
 * model, which ranks the best of the pre-ranked candidates. Prepared once per request (viewer,
 * profile, corpus, time); immutable and thread-safe.
 */
public final class ColumnPrerank {
  private final MemberParameters members;
  private final RankParams params;
  private final Map<String, Double> interestShares;
  private final double activityRate;
  private final double newnessRate;
  private final long nowMs;
  // The profile's weights, read once: the pre-rank runs for every candidate (tens of thousands per
  // request at 1M members), and a map look-up per feature per candidate was 16 % of Solr's CPU on
  // the matches path (JFR, docs/benchmarks.md).
  private final double distanceWeight;
  private final double interestsWeight;
  private final double languagesWeight;
  private final double activityWeight;
  private final double newnessWeight;
  private final double qualityWeight;

  private ColumnPrerank(RankParams params, Corpus corpus) {
    this.params = params;
    this.members = params.profile().members();
    this.interestShares = InterestOverlap.weights(params.viewer().interests(), corpus);
    this.activityRate = HalfLifeDecay.rate(members.activityHalfLife());
    this.newnessRate = HalfLifeDecay.rate(members.newnessHalfLife());
    this.nowMs = params.now().toEpochMilli();
    this.distanceWeight = members.weight(MemberFeature.DISTANCE);
    this.interestsWeight = members.weight(MemberFeature.SHARED_INTERESTS);
    this.languagesWeight = members.weight(MemberFeature.SHARED_LANGUAGES);
    this.activityWeight = members.weight(MemberFeature.RECENT_ACTIVITY);
    this.newnessWeight = members.weight(MemberFeature.NEWNESS);
    this.qualityWeight = members.weight(MemberFeature.PROFILE_QUALITY);
  }

  public static ColumnPrerank of(RankParams params, Corpus corpus) {
    return new ColumnPrerank(params, corpus);
  }

  /** The weighted closeness of a member at this point (0 when the viewer has no place). */
  public double distance(double latitude, double longitude) {
    LatLon origin = params.viewer().origin();
    if (origin == null || distanceWeight == 0) {
      return 0;
    }
    return distanceWeight * DistanceDecay.value(origin.distanceKm(new LatLon(latitude, longitude)), members.distanceScaleKm());
  }

  /**
   * The most {@link #distance} gives any member: the closeness at the viewer's own place (1)
   * weighted; 0 when it gives nothing ({@link #readsDistance} false).
   */
  public double mostDistance() {
    return readsDistance() ? distanceWeight : 0;
  }

  /** Whether {@link #distance} can be other than 0, so the location need not be read otherwise. */
  public boolean readsDistance() {
    return params.viewer().origin() != null && distanceWeight > 0;
  }

  /** The viewer's interests: {@link #interest} is 0 for any other slug. */
  public Set<String> viewerInterests() {
    return interestShares.keySet();
  }

  /** The weighted contribution of a member having {@code slug}: summed over their interests. */
  public double interest(String slug) {
    Double share = interestShares.get(slug);
    return share == null ? 0 : interestsWeight * share;
  }

  /**
   * What a member's {@code language_levels} value ({@code de:native}) gives, as a pair weight for
   * {@link #languages}: the viewer's level times theirs, 0 when the viewer does not speak it or
   * the value is not one.
   */
  public double languagePair(String codeAndLevel) {
    int colon = codeAndLevel.indexOf(':');
    if (colon <= 0) {
      return 0;
    }
    return languagePair(viewerLevel(codeAndLevel.substring(0, colon)),
        LanguageLevel.parse(codeAndLevel.substring(colon + 1)).orElse(null));
  }

  /** The viewer's level of language {@code code}, null when they do not speak it. */
  public LanguageLevel viewerLevel(String code) {
    return params.viewer().languages().get(code);
  }

  /**
   * {@link #languagePair(String)} of a term already read: the viewer's level ({@link
   * #viewerLevel}) and the member's, 0 when either is null.
   */
  public double languagePair(LanguageLevel mine, LanguageLevel theirs) {
    if (mine == null || theirs == null) {
      return 0;
    }
    return LanguageFit.pair(mine, theirs, params.profile().languageLevels());
  }

  /**
   * The weighted language fit from the best pair of each language the member shares with the
   * viewer ({@link #languagePair}), {@code count} of them in {@code bestPairs}.
   */
  public double languages(double[] bestPairs, int count) {
    double none = 1;
    for (int i = 0; i < count; i++) {
      none = LanguageFit.andNot(none, bestPairs[i]);
    }
    return languagesWeight * (1 - none);
  }

  /** The weighted recent activity of a member last active at {@code epochMs}. */
  public double activity(long epochMs) {
    return activityWeight * HalfLifeDecay.value(epochMs, nowMs, activityRate);
  }

  /** {@link HalfLifeDecay#rate} of the activity half-life, to choose the {@link DecayColumn}. */
  public double activityRate() {
    return activityRate;
  }

  /** {@link HalfLifeDecay#rate} of the newness half-life. */
  public double newnessRate() {
    return newnessRate;
  }

  /** {@link #activity(long)} over a column of {@code last_active_at} at {@link #activityRate}. */
  public DecayColumn.Weighted activity(DecayColumn lastActiveAt) {
    return weighted(lastActiveAt, activityRate, activityWeight);
  }

  /** {@link #newness(long)} over a column of {@code created_at} at {@link #newnessRate}. */
  public DecayColumn.Weighted newness(DecayColumn createdAt) {
    return weighted(createdAt, newnessRate, newnessWeight);
  }

  private DecayColumn.Weighted weighted(DecayColumn column, double rate, double weight) {
    if (column.rate() != rate) {
      throw new IllegalArgumentException("a decay column at rate " + column.rate() + " asked for rate " + rate);
    }
    return column.at(nowMs, weight);
  }

  /** The weighted newness of a member who joined at {@code epochMs}. */
  public double newness(long epochMs) {
    return newnessWeight * HalfLifeDecay.value(epochMs, nowMs, newnessRate);
  }

  /** The weighted profile quality. */
  public double quality(double profileQuality) {
    return qualityWeight * profileQuality;
  }
}
