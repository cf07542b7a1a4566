package com.expat.search.solr.rank;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.ranking.MemberFeature;
import com.expat.search.ranking.RankingProfile;
import com.expat.search.ranking.RankingProfiles;
import com.expat.search.ranking.signals.Corpus;
import com.expat.search.ranking.signals.LanguageLevel;
import com.expat.search.ranking.signals.LatLon;
import com.expat.search.ranking.signals.Viewer;
import com.expat.search.ranking.solr.RankParams;
import java.io.IOException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;

/**
 * The window's whole model over the best {@code top} only ({@link MatchesCollector}'s bound) ranks
 * the first {@code top} exactly as ranking the whole window does: same documents, same order, same
 * scores, for text windows and pre-rank windows (diversified as matches are, or not), viewers with
 * and without interests, every bundled profile and weights that make the bound tight or loose or
 * weigh features 0, over several segments.
 */
class MatchesCollectorTest {
  private static final Corpus CORPUS = Corpus.of(2000, Map.of("hiking", 900L, "chess", 40L, "jazz", 200L));

  @Test
  void theBestTopOfTheWindowAreTheWholeWindowsRankingBegun() throws IOException {
    SplittableRandom random = new SplittableRandom(11);
    RankingProfiles profiles = RankingProfiles.load();
    int compared = 0;
    int[] scored = new int[4];
    int windowed = 0;
    int diversified = 0;
    try (DirectoryReader reader = TestSegment.reader(3)) {
      ColumnCache columns = new ColumnCache();
      for (int run = 0; run < 120; run++) {
        RankingProfile profile = profile(profiles, random);
        RankParams params = new RankParams(profile, viewer(random), TestSegment.NOW);
        boolean text = random.nextBoolean();
        int window = 1 + random.nextInt(400);
        int top = 1 + random.nextInt(60);
        // Few distinct text scores: many ties, which the window's order must break the same way.
        float[] textScores = new float[reader.maxDoc()];
        int spread = random.nextInt(3);
        for (int doc = 0; doc < textScores.length; doc++) {
          // One text score in 20 apart from the rest (a rare word in a short text) is what lets the window's tail go unread.
          textScores[doc] = spread == 2 ? 1 + (float) (20 * Math.pow(random.nextDouble(), 4))
              : 1 + random.nextInt(spread == 0 ? 4 : 200) / 10f;
        }
        double share = random.nextDouble();
        // Matches: the diversity pass over the best of the window (its pool and the page) as over the whole.
        boolean diversify = !text && random.nextInt(3) == 0;
        ScoreDoc[] whole = collect(reader, columns, params, text, diversify, window, window, textScores, share, scored, 0);
        ScoreDoc[] best = collect(reader, columns, params, text, diversify, window, top, textScores, share, scored, 1);
        if (diversify) {
          diversified++;
        }
        if (text) {
          windowed += Math.min(window, whole.length);
        }
        assertThat(best.length).as("run %d", run).isGreaterThanOrEqualTo(Math.min(top, whole.length));
        for (int i = 0; i < Math.min(top, best.length); i++) {
          assertThat(best[i].doc).as("run %d, place %d", run, i).isEqualTo(whole[i].doc);
          assertThat(best[i].score).as("run %d, place %d", run, i).isEqualTo(whole[i].score);
        }
        compared += best.length;
      }
    }
    assertThat(compared).isGreaterThan(1000);
    assertThat(diversified).isGreaterThan(10);
    // the bound must have spared the model work, or this test compares a ranking with itself
    assertThat(scored[1]).isLessThan(scored[0] / 2);
    // and with text the segment's most must have spared reading part of the window
    assertThat(scored[3]).isLessThan(windowed);
  }

  /**
   * An anonymous member search whose text scores spread (a few far above the rest): the members far down the window's text cannot reach the page whatever their columns,
   * and their pre-rank is not read; the page is the whole window's ranking begun.
   */
  @Test
  void membersWhoseTextAndTheSegmentsMostCannotReachThePageAreNotRead() throws IOException {
    SplittableRandom random = new SplittableRandom(23);
    RankingProfile profile = RankingProfiles.load().defaultProfile();
    RankParams params = new RankParams(profile, new Viewer(0, null, null, Map.of(), Set.of(), Set.of()),
        TestSegment.NOW);
    int[] scored = new int[4];
    try (DirectoryReader reader = TestSegment.reader(3)) {
      float[] textScores = new float[reader.maxDoc()];
      for (int doc = 0; doc < textScores.length; doc++) {
        textScores[doc] = 1 + (float) (20 * Math.pow(random.nextDouble(), 4));
      }
      ColumnCache columns = new ColumnCache();
      ScoreDoc[] whole = collect(reader, columns, params, true, false, 300, 300, textScores, 0.5, scored, 0);
      ScoreDoc[] best = collect(reader, columns, params, true, false, 300, 20, textScores, 0.5, scored, 1);
      assertThat(best).hasSize(20);
      for (int i = 0; i < best.length; i++) {
        assertThat(best[i].doc).as("place %d", i).isEqualTo(whole[i].doc);
        assertThat(best[i].score).as("place %d", i).isEqualTo(whole[i].score);
      }
    }
    // here the text term falls by 2.2 along the window, the segment's most is 1.8: about 2 in 5 cannot reach
    assertThat(scored[3]).as("pre-ranks read of the window of 300").isLessThan(240);
    assertThat(scored[1]).as("members scored").isLessThan(60);
  }

  @Test
  void onlyFiniteWeightsOfAtLeastZeroAreBounded() {
    Map<MemberFeature, Double> weights = new EnumMap<>(RankingProfiles.load().defaultProfile().members().weights());
    assertThat(MatchesCollector.boundable(weights)).isTrue();
    weights.put(MemberFeature.NEWNESS, 0.0);
    assertThat(MatchesCollector.boundable(weights)).isTrue();
    for (double bad : new double[] {-0.5, -1e-300, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
      weights.put(MemberFeature.DISTANCE, bad);
      assertThat(MatchesCollector.boundable(weights)).as("distance weight %s", bad).isFalse();
    }
  }

  /** Ranks the members a share of the segments' documents match, each with its text score. */
  private static ScoreDoc[] collect(DirectoryReader reader, ColumnCache columns, RankParams params, boolean text,
      boolean diversify, int window, int top, float[] textScores, double share, int[] scored, int side)
      throws IOException {
    MatchesJob job = MatchesJob.of(params, CORPUS, columns, window, 20, diversify);
    MatchesCollector collector = new MatchesCollector(job, reader.leaves(), window, text, top);
    SplittableRandom matches = new SplittableRandom(7);
    for (LeafReaderContext leaf : reader.leaves()) {
      LeafCollector leafCollector = collector.getLeafCollector(leaf);
      float[] current = new float[1];
      leafCollector.setScorer(new Scorable() {
        @Override
        public float score() {
          return current[0];
        }

        @Override
        public int docID() {
          return -1;
        }
      });
      for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
        if (matches.nextDouble() < share) {
          current[0] = textScores[leaf.docBase + doc];
          leafCollector.collect(doc);
        }
      }
    }
    ScoreDoc[] ranked = collector.topDocs().scoreDocs;
    scored[side] += collector.modelScored();
    scored[side + 2] += collector.preranked();
    return ranked;
  }

  private static RankingProfile profile(RankingProfiles profiles, SplittableRandom random) {
    List<String> names = List.copyOf(profiles.names());
    RankingProfile profile = profiles.profile(names.get(random.nextInt(names.size())));
    if (random.nextInt(3) > 0) {
      return profile;
    }
    // A heavy text weight makes the bound tight (most skipped); none makes it the pre-rank's alone.
    Map<MemberFeature, Double> weights = new HashMap<>();
    weights.put(MemberFeature.TEXT, random.nextBoolean() ? 0.0 : 50.0);
    weights.put(MemberFeature.RECIPROCAL_INTERESTS, random.nextInt(3) * 2.0);
    // Features weighed 0 (a workbench's custom weights), which no bound may count.
    for (MemberFeature feature : MemberFeature.values()) {
      if (feature != MemberFeature.TEXT && random.nextInt(4) == 0) {
        weights.put(feature, 0.0);
      }
    }
    return profile.withMemberWeights(weights);
  }

  private static Viewer viewer(SplittableRandom random) {
    Map<String, LanguageLevel> languages = new HashMap<>();
    for (String language : TestSegment.LANGUAGES) {
      if (random.nextInt(2) == 0) {
        languages.put(language, LanguageLevel.parse(TestSegment.LEVELS.get(random.nextInt(4))).orElseThrow());
      }
    }
    Set<String> interests = new HashSet<>();
    if (random.nextBoolean()) {
      for (String interest : TestSegment.INTERESTS) {
        if (random.nextInt(3) == 0) {
          interests.add(interest);
        }
      }
    }
    LatLon origin = random.nextInt(4) == 0 ? null : TestSegment.CITIES[random.nextInt(TestSegment.CITIES.length)];
    return new Viewer(0, origin, null, languages, interests, Set.of());
  }
}
