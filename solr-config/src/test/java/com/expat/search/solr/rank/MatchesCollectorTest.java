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
 * scores, for text windows and pre-rank windows, viewers with and without interests, every
 * bundled profile and weights that make the bound tight or loose, over several segments.
 */
class MatchesCollectorTest {
  private static final Corpus CORPUS = Corpus.of(2000, Map.of("hiking", 900L, "chess", 40L, "jazz", 200L));

  @Test
  void theBestTopOfTheWindowAreTheWholeWindowsRankingBegun() throws IOException {
    SplittableRandom random = new SplittableRandom(11);
    RankingProfiles profiles = RankingProfiles.load();
    int compared = 0;
    int[] scored = new int[2];
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
        for (int doc = 0; doc < textScores.length; doc++) {
          textScores[doc] = 1 + random.nextInt(random.nextBoolean() ? 4 : 200) / 10f;
        }
        double share = random.nextDouble();
        ScoreDoc[] whole = collect(reader, columns, params, text, window, window, textScores, share, scored, 0);
        ScoreDoc[] best = collect(reader, columns, params, text, window, top, textScores, share, scored, 1);
        assertThat(best).as("run %d", run).hasSize(Math.min(top, whole.length));
        for (int i = 0; i < best.length; i++) {
          assertThat(best[i].doc).as("run %d, place %d", run, i).isEqualTo(whole[i].doc);
          assertThat(best[i].score).as("run %d, place %d", run, i).isEqualTo(whole[i].score);
        }
        compared += best.length;
      }
    }
    assertThat(compared).isGreaterThan(1000);
    // the bound must have spared the model work, or this test compares a ranking with itself
    assertThat(scored[1]).isLessThan(scored[0] / 2);
  }

  /** Ranks the members a share of the segments' documents match, each with its text score. */
  private static ScoreDoc[] collect(DirectoryReader reader, ColumnCache columns, RankParams params, boolean text,
      int window, int top, float[] textScores, double share, int[] scored, int side) throws IOException {
    MatchesJob job = MatchesJob.of(params, CORPUS, columns, window, 20, false);
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
