package com.expat.search.solr.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.expat.search.ranking.MemberFeature;
import com.expat.search.ranking.RankingProfile;
import com.expat.search.ranking.RankingProfiles;
import com.expat.search.ranking.signals.Corpus;
import com.expat.search.ranking.signals.LanguageLevel;
import com.expat.search.ranking.signals.LatLon;
import com.expat.search.ranking.signals.Viewer;
import com.expat.search.ranking.solr.ColumnPrerank;
import com.expat.search.ranking.solr.RankParams;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The pre-rank over a real (in-memory) segment's columns ({@link TestSegment}), against the model's per-member formulas. */
class SegmentPrerankTest {
  private static final Instant NOW = TestSegment.NOW;
  private static final List<String> INTERESTS = TestSegment.INTERESTS;
  private static final List<String> LANGUAGES = TestSegment.LANGUAGES;
  private static final List<String> LEVELS = TestSegment.LEVELS;
  private static final LatLon[] CITIES = TestSegment.CITIES;
  private static final Corpus CORPUS = Corpus.of(2000, Map.of("hiking", 900L, "chess", 40L, "jazz", 200L));

  private static final MemberColumns columns = TestSegment.columns();

  @Test
  void eachCandidatesPrerankIsTheModelsSumOfItsFeatures() {
    SplittableRandom random = new SplittableRandom(3);
    for (int v = 0; v < 20; v++) {
      Viewer viewer = viewer(random);
      // Without interests or languages (anonymous) the pre-rank does not read their columns: the same sum.
      if (v % 4 == 1) {
        viewer = new Viewer(0, viewer.origin(), null, Map.of(), viewer.interests(), Set.of());
      } else if (v % 4 == 2) {
        viewer = new Viewer(0, v % 8 == 2 ? null : viewer.origin(), null, viewer.languages(), Set.of(), Set.of());
      }
      ColumnPrerank model = model(viewer);
      SegmentPrerank prerank = new SegmentPrerank(model, columns);
      for (int doc = 0; doc < columns.maxDoc; doc++) {
        assertThat(prerank.score(doc)).as("viewer %d doc %d", v, doc).isCloseTo(perMember(model, doc), within(1e-12));
      }
    }
  }

  @Test
  void candidatesSkippedByTheBoundLeaveTheSameWindowAsScoringEveryone() {
    SplittableRandom random = new SplittableRandom(5);
    int skipped = 0;
    for (int v = 0; v < 40; v++) {
      ColumnPrerank model = model(viewer(random));
      int size = 1 + random.nextInt(300);
      PrerankWindow everyone = new PrerankWindow(size);
      PrerankWindow bounded = new PrerankWindow(size);
      SegmentPrerank all = new SegmentPrerank(model, columns);
      SegmentPrerank some = new SegmentPrerank(model, columns);
      for (int doc = 0; doc < columns.maxDoc; doc++) {
        everyone.offer(doc, (float) all.score(doc), columns.lastActiveAt[doc], columns.id[doc]);
        double score = some.score(doc, bounded.floor());
        if (score == Double.NEGATIVE_INFINITY) {
          skipped++;
        } else {
          bounded.offer(doc, (float) score, columns.lastActiveAt[doc], columns.id[doc]);
        }
      }
      float[] expectedScores = new float[size];
      float[] scores = new float[size];
      assertThat(bounded.bestFirst(scores)).as("viewer %d, window %d", v, size)
          .containsExactly(everyone.bestFirst(expectedScores));
      assertThat(scores).isEqualTo(expectedScores);
    }
    // the bound must have spared work, or this test compares a window with itself
    assertThat(skipped).isGreaterThan(40 * columns.maxDoc / 4);
  }

  /**
   * What lets the window's best drop a member without reading them: the whole model's score of
   * every member, less its text and reciprocal terms, is at most the segment's {@link
   * SegmentPrerank#most}, for every profile, viewers with and without a place, interests or
   * languages, weights of 0, and a request before some dates (the decays' clamp).
   */
  @Test
  void theSegmentsMostBoundsEveryMembersModelScoreBeyondTheText() {
    SplittableRandom random = new SplittableRandom(9);
    RankingProfiles profiles = RankingProfiles.load();
    List<String> names = List.copyOf(profiles.names());
    int close = 0;
    for (int v = 0; v < 60; v++) {
      RankingProfile profile = profiles.profile(names.get(random.nextInt(names.size())));
      Map<MemberFeature, Double> weights = new EnumMap<>(MemberFeature.class);
      for (MemberFeature feature : MemberFeature.values()) {
        if (random.nextInt(4) == 0) {
          weights.put(feature, random.nextBoolean() ? 0.0 : random.nextDouble(10));
        }
      }
      profile = profile.withMemberWeights(weights);
      Viewer viewer = random.nextInt(4) == 0 ? new Viewer(0, null, null, Map.of(), Set.of(), Set.of()) : viewer(random);
      // Before some dates (they count 1), or after all of them (the newest date's decay is the most).
      Instant now = random.nextBoolean() ? NOW.minusSeconds(random.nextInt(120))
          : NOW.plus(Duration.ofDays(1 + random.nextInt(30)));
      RankParams params = new RankParams(profile, viewer, now);
      double most = new SegmentPrerank(ColumnPrerank.of(params, CORPUS), columns).most();
      MatchesJob job = MatchesJob.of(params, CORPUS, new ColumnCache(), 300, 20, false);
      MemberScorer.Segment segment = job.scorer().segment(columns);
      double reciprocal = viewer.interests().isEmpty() ? 0 : profile.members().weight(MemberFeature.RECIPROCAL_INTERESTS);
      double best = Double.NEGATIVE_INFINITY;
      for (int doc = 0; doc < columns.maxDoc; doc++) {
        double score = segment.score(doc, 0);
        assertThat(score).as("viewer %d doc %d", v, doc).isLessThanOrEqualTo(most + reciprocal + 1e-12);
        best = Math.max(best, score);
      }
      // a bound far above every score would spare nothing
      close += best > 0.5 * (most + reciprocal) ? 1 : 0;
    }
    assertThat(close).isGreaterThan(30);
  }

  private static ColumnPrerank model(Viewer viewer) {
    return ColumnPrerank.of(new RankParams(RankingProfiles.load().defaultProfile(), viewer, NOW), CORPUS);
  }

  static Viewer viewer(SplittableRandom random) {
    Map<String, LanguageLevel> languages = new HashMap<>();
    for (String language : LANGUAGES) {
      if (random.nextInt(2) == 0) {
        languages.put(language, LanguageLevel.parse(LEVELS.get(random.nextInt(LEVELS.size()))).orElseThrow());
      }
    }
    Set<String> interests = new HashSet<>();
    for (String interest : INTERESTS) {
      if (random.nextInt(3) == 0) {
        interests.add(interest);
      }
    }
    LatLon origin = random.nextInt(5) == 0 ? null : CITIES[random.nextInt(CITIES.length)];
    return new Viewer(0, origin, null, languages, interests, Set.of());
  }

  /** The model's pre-rank of one member from its own per-value functions (no columns kept). */
  private static double perMember(ColumnPrerank model, int doc) {
    double score = 0;
    if (model.readsDistance() && !Double.isNaN(columns.latitude[doc])) {
      score += model.distance(columns.latitude[doc], columns.longitude[doc]);
    }
    if (columns.lastActiveAt[doc] != MemberColumns.MISSING) {
      score += model.activity(columns.lastActiveAt[doc]);
    }
    if (columns.createdAt[doc] != MemberColumns.MISSING) {
      score += model.newness(columns.createdAt[doc]);
    }
    score += model.quality(columns.quality[doc]);
    for (int i = columns.interestStart[doc]; i < columns.interestStart[doc + 1]; i++) {
      score += model.interest(columns.interests[columns.interestOrds[i]]);
    }
    Map<String, Double> best = new HashMap<>();
    for (String term : columns.languageTerms(doc)) {
      double pair = model.languagePair(term);
      if (pair > 0) {
        best.merge(term.substring(0, term.indexOf(':')), pair, Math::max);
      }
    }
    double[] pairs = best.values().stream().mapToDouble(Double::doubleValue).toArray();
    return score + model.languages(pairs, pairs.length);
  }
}
