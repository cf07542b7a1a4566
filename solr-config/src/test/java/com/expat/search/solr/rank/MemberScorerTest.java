package com.expat.search.solr.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.expat.search.ranking.MatchRanker;
import com.expat.search.ranking.Ranked;
import com.expat.search.ranking.RankingProfile;
import com.expat.search.ranking.RankingProfiles;
import com.expat.search.ranking.Rankers;
import com.expat.search.ranking.signals.Candidate;
import com.expat.search.ranking.signals.Corpus;
import com.expat.search.ranking.signals.MemberSignals;
import com.expat.search.ranking.signals.Viewer;
import com.expat.search.ranking.solr.RankParams;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;

/**
 * The whole model over the columns ({@link MemberScorer}, {@link MatchesJob#rank}) against the
 * model over each member's signals as the window was ranked before: the same scores, the same
 * order, the same diversified first page, the same explanations.
 */
class MemberScorerTest {
  private static final MemberColumns COLUMNS = TestSegment.columns();
  private static final Corpus CORPUS = Corpus.of(2000, Map.of("hiking", 900L, "chess", 40L, "jazz", 200L));
  private static final MatchRanker RANKER = Rankers.matches();
  private static final RankingProfiles PROFILES = RankingProfiles.load();

  @Test
  void aMembersScoreAndExplanationAreTheModelsOverTheirSignals() throws IOException {
    SplittableRandom random = new SplittableRandom(11);
    for (String name : PROFILES.names()) {
      for (int v = 0; v < 10; v++) {
        Viewer viewer = SegmentPrerankTest.viewer(random);
        MemberScorer.Segment segment = job(name, viewer, 300, true).scorer().segment(COLUMNS);
        for (int doc = 0; doc < COLUMNS.maxDoc; doc++) {
          double text = random.nextInt(3) == 0 ? random.nextDouble() : 0;
          Ranked<MemberSignals> expected = RANKER.rank(viewer,
              List.of(new Candidate<>(MemberReader.signals(COLUMNS, doc, null), text)), PROFILES.profile(name),
              CORPUS, TestSegment.NOW).get(0);
          double score = segment.score(doc, text);
          assertThat(score).as("%s viewer %d doc %d", name, v, doc).isCloseTo(expected.score(), within(1e-12));
          Ranked<MemberSignals> explained = segment.explained(doc, null, text);
          assertThat(explained.score()).isEqualTo(score);
          assertThat(explained.item()).isEqualTo(expected.item());
          assertThat(explained.explanation().reasons()).isEqualTo(expected.explanation().reasons());
          assertThat(explained.explanation().byFeature().keySet())
              .containsExactlyElementsOf(expected.explanation().byFeature().keySet());
        }
      }
    }
  }

  /**
   * The languages' fit read from a set's terms equals the model's over the member's languages as a
   * map to the last bit: the same pairs multiplied in the same order (the viewer's).
   */
  @Test
  void aMembersLanguagesFitIsTheModelsOverTheirLanguagesBitForBit() {
    SplittableRandom random = new SplittableRandom(17);
    int shared = 0;
    for (String name : PROFILES.names()) {
      for (int v = 0; v < 20; v++) {
        Viewer viewer = SegmentPrerankTest.viewer(random);
        MatchesJob job = job(name, viewer, 20, false);
        MemberScorer.Segment segment = job.scorer().segment(COLUMNS);
        for (int doc = 0; doc < COLUMNS.maxDoc; doc++) {
          double expected = job.model().sharedLanguages(COLUMNS.languageLevels(doc));
          assertThat(segment.languages(doc)).as("%s viewer %d doc %d", name, v, doc).isEqualTo(expected);
          shared += expected > 0 ? 1 : 0;
        }
      }
    }
    assertThat(shared).isGreaterThan(1000);
  }

  @Test
  void aWindowRanksAndDiversifiesAsTheModelOverTheMembersSignals() throws IOException {
    SplittableRandom random = new SplittableRandom(13);
    int differences = 0;
    int windows = 0;
    for (String name : PROFILES.names()) {
      for (int v = 0; v < 20; v++, windows++) {
        Viewer viewer = SegmentPrerankTest.viewer(random);
        boolean diversify = random.nextBoolean();
        boolean text = random.nextInt(4) == 0;
        MatchesJob job = job(name, viewer, 20, diversify);
        int size = 1 + random.nextInt(300);
        int[] docs = random.ints(0, COLUMNS.maxDoc).distinct().limit(size).toArray();
        float[] keys = new float[size];
        for (int i = 0; i < size; i++) {
          keys[i] = text ? (float) random.nextDouble(5) : 0;
        }
        float maxText = text ? max(keys) : Float.NEGATIVE_INFINITY;
        MemberScorer.Segment segment = job.scorer().segment(COLUMNS);
        MemberScorer.Segment[] segments = new MemberScorer.Segment[size];
        Arrays.fill(segments, segment);
        ScoreDoc[] ranked = job.rank(segments, docs, docs, keys, text, maxText);

        List<Candidate<MemberSignals>> candidates = new ArrayList<>();
        Map<MemberSignals, Integer> indexOf = new IdentityHashMap<>();
        for (int i = 0; i < size; i++) {
          MemberSignals member = MemberReader.signals(COLUMNS, docs[i], null);
          indexOf.put(member, i);
          candidates.add(new Candidate<>(member, text ? MatchesJob.textRelevance(keys[i], maxText) : 0));
        }
        RankingProfile profile = PROFILES.profile(name);
        List<Ranked<MemberSignals>> expected = RANKER.rank(viewer, candidates, profile, CORPUS, TestSegment.NOW);
        if (diversify) {
          expected = RANKER.diversify(expected, 20, profile);
        }
        assertThat(ranked).hasSameSizeAs(expected);
        for (int k = 0; k < ranked.length; k++) {
          int i = indexOf.get(expected.get(k).item());
          assertThat(ranked[k].score).isEqualTo(text ? keys[i] : (float) expected.get(k).score());
          if (ranked[k].doc != docs[i]) {
            differences++;
          }
        }
      }
    }
    // Scores may differ in their last bits (the reverse share's sum runs in another order), and
    // so swap members tied to within them; nothing else.
    assertThat(differences).as("of %d windows", windows).isLessThanOrEqualTo(2);
  }

  private static MatchesJob job(String profile, Viewer viewer, int pageSize, boolean diversify) {
    return MatchesJob.of(new RankParams(PROFILES.profile(profile), viewer, TestSegment.NOW), CORPUS,
        new ColumnCache(), 300, pageSize, diversify);
  }

  private static float max(float[] values) {
    float max = Float.NEGATIVE_INFINITY;
    for (float value : values) {
      max = Math.max(max, value);
    }
    return max;
  }
}
