package com.expat.search.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationTest {
  static final JudgmentSet SET = new JudgmentSet("t", "", 3, List.of(
      new LabQuery("a", QueryType.MATCHES, 1L, Map.of(), List.of("big_city"), List.of("1", "2", "3"), Map.of("1", 3, "2", 0, "3", 0)),
      new LabQuery("b", QueryType.MATCHES, 2L, Map.of(), List.of("small_town"), List.of("1", "2", "3"), Map.of("1", 0, "2", 3, "3", 0))));

  /** Always 1, 2, 3: perfect for a, second-best for b. */
  static final Ranker FIXED = new Ranker() {
    @Override
    public String name() {
      return "fixed";
    }

    @Override
    public List<String> rank(LabQuery query, int k) {
      return List.of("1", "2", "3");
    }
  };

  @Test
  void metricsAreAveragedOverallAndPerSegment() {
    RunResult run = Evaluation.run(SET, FIXED, 3, 1);
    assertThat(run.aggregate().get("segment:big_city").means().get("mrr")).isEqualTo(1.0);
    assertThat(run.aggregate().get("segment:small_town").means().get("mrr")).isEqualTo(0.5);
    assertThat(run.aggregate().get("all").means().get("mrr")).isEqualTo(0.75);
    assertThat(run.aggregate().get("type:matches").queries()).isEqualTo(2);
    assertThat(run.aggregate().get("all").means().get("ndcg")).isCloseTo((1 + 1 / (Math.log(3) / Math.log(2))) / 2, within(1e-12));
    assertThat(run.queries().get(1).top()).containsExactly("1", "2", "3");
  }

  @Test
  void theRandomRankerIsSeededPerQueryWhateverTheOrder() {
    RandomRanker ranker = new RandomRanker(3);
    List<String> first = ranker.rank(SET.queries().get(1), 3);
    ranker.rank(SET.queries().get(0), 3);
    assertThat(ranker.rank(SET.queries().get(1), 3)).isEqualTo(first).containsExactlyInAnyOrder("1", "2", "3");
  }

  @Test
  void popularityRanksTheCandidatesByScore() {
    PopularityRanker ranker = new PopularityRanker(Map.of("3", 9.0, "2", 5.0), Map.of());
    assertThat(ranker.rank(SET.queries().get(0), 2)).containsExactly("3", "2");
  }

  @Test
  void theGatePassesWithinTheMarginAndFailsBeyondIt(@TempDir Path dir) {
    RunResult baseline = Evaluation.run(SET, FIXED, 3, 1);
    LabJson.writeRun(dir.resolve("base.json"), baseline);
    RunResult stored = LabJson.readRun(dir.resolve("base.json"));
    assertThat(Gate.check(stored, Evaluation.run(SET, FIXED, 3, 1), 0.0, List.of("ndcg", "mrr"), 1)).isEmpty();

    Ranker worse = new Ranker() {
      @Override
      public String name() {
        return "worse";
      }

      @Override
      public List<String> rank(LabQuery query, int k) {
        return List.of("3", "2", "1");
      }
    };
    List<String> violations = Gate.check(stored, Evaluation.run(SET, worse, 3, 1), 0.02, List.of("ndcg"), 1);
    assertThat(violations).anySatisfy(v -> assertThat(v).startsWith("all ndcg"));
    assertThat(violations).anySatisfy(v -> assertThat(v).startsWith("segment:big_city ndcg"));
    assertThat(Gate.check(stored, Evaluation.run(SET, worse, 3, 1), 0.02, List.of("ndcg"), 3)).isEmpty();
  }

  @Test
  void aComparisonShowsDeltasAndTheTopResultsWithTheirGrades() {
    String markdown = Comparison.markdown(SET,
        List.of(Evaluation.run(SET, FIXED, 3, 1), Evaluation.run(SET, new RandomRanker(1), 3, 1)), 5, 3);
    assertThat(markdown).contains("| all | 2 | 1.000", "fixed", "random", "1·3 2·0 3·0");
  }
}
