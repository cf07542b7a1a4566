package com.expat.search.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsTest {
  // Wikipedia's DCG example: documents D1..D6 retrieved with grades 3,2,3,0,1,2; D7 (3) and D8 (2)
  // judged but not retrieved. Exponential gain by hand: 7/1 + 3/log2(3) + 7/2 + 0 + 1/log2(6) +
  // 3/log2(7) = 13.8483; ideal top 6 of 3,3,3,2,2,2: 7 + 7/log2(3) + 7/2 + 3/log2(5) + 3/log2(6)
  // + 3/log2(7) = 18.4377.
  private static final List<String> RANKING = List.of("d1", "d2", "d3", "d4", "d5", "d6");
  private static final Map<String, Integer> GRADES =
      Map.of("d1", 3, "d2", 2, "d3", 3, "d4", 0, "d5", 1, "d6", 2, "d7", 3, "d8", 2);

  @Test
  void ndcgUsesExponentialGainAndTheIdealOfAllJudgedDocuments() {
    assertThat(Metrics.ndcg(RANKING, GRADES, 6)).isCloseTo(13.848263629 / 18.437717932, within(1e-9));
  }

  @Test
  void ndcgOfTheIdealOrderIsOne() {
    assertThat(Metrics.ndcg(List.of("d1", "d3", "d7", "d2", "d6", "d8"), GRADES, 6)).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void ndcgAtOneIsTheFirstGainOverTheBestGain() {
    assertThat(Metrics.ndcg(List.of("d2"), GRADES, 1)).isCloseTo(3.0 / 7.0, within(1e-12));
  }

  @Test
  void ndcgWithoutAnyRelevantJudgmentIsNotANumber() {
    assertThat(Metrics.ndcg(List.of("a"), Map.of("a", 0), 10)).isNaN();
  }

  @Test
  void unjudgedAndRepeatedDocumentsCountAsGradeZeroOnce() {
    assertThat(Metrics.ndcg(List.of("x", "d1", "d1"), Map.of("d1", 1), 2)).isCloseTo(1 / Math.log(3) * Math.log(2), within(1e-12));
  }

  @Test
  void meanReciprocalRankOfTheTextbookExampleIsElevenEighteenths() {
    // Wikipedia's MRR example: first correct answers at ranks 3, 2 and 1.
    double q1 = Metrics.reciprocalRank(List.of("catten", "cati", "cats"), Map.of("cats", 1), 10, 1);
    double q2 = Metrics.reciprocalRank(List.of("torii", "tori", "toruses"), Map.of("tori", 1), 10, 1);
    double q3 = Metrics.reciprocalRank(List.of("viruses", "virii", "viri"), Map.of("viruses", 1), 10, 1);
    assertThat((q1 + q2 + q3) / 3).isCloseTo(11.0 / 18.0, within(1e-12));
  }

  @Test
  void reciprocalRankIsZeroWhenNothingRelevantIsInTheTopK() {
    assertThat(Metrics.reciprocalRank(List.of("a", "b", "c"), Map.of("c", 2), 2, 1)).isZero();
    assertThat(Metrics.reciprocalRank(List.of("a", "b", "c"), Map.of("b", 1), 3, 2)).isZero();
  }

  @Test
  void precisionAndRecallAtKFollowTheTextbook() {
    // R N R N N R with 4 relevant documents in all (one never retrieved).
    List<String> ranking = List.of("r1", "n1", "r2", "n2", "n3", "r3");
    Map<String, Integer> grades = Map.of("r1", 1, "r2", 1, "r3", 1, "r4", 1, "n1", 0);
    assertThat(Metrics.precision(ranking, grades, 3, 1)).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(Metrics.recall(ranking, grades, 3, 1)).isCloseTo(2.0 / 4, within(1e-12));
    assertThat(Metrics.precision(ranking, grades, 6, 1)).isCloseTo(3.0 / 6, within(1e-12));
    assertThat(Metrics.recall(ranking, grades, 6, 1)).isCloseTo(3.0 / 4, within(1e-12));
    assertThat(Metrics.precision(ranking, grades, 10, 1)).isCloseTo(3.0 / 10, within(1e-12));
  }

  @Test
  void errFollowsTheCascadeModel() {
    // Grades 2, 0, 1 on a 0..2 scale: R = 3/4, 0, 1/4. ERR = 3/4 + 0 + 1/3 * 1/4 * 1/4 = 0.7708333.
    assertThat(Metrics.err(List.of("a", "b", "c"), Map.of("a", 2, "b", 0, "c", 1), 3, 2))
        .isCloseTo(0.75 + 1.0 / 48, within(1e-12));
  }

  @Test
  void errOfAPerfectFirstResultOnAZeroToThreeScaleIsSevenEighths() {
    assertThat(Metrics.err(List.of("a"), Map.of("a", 3), 10, 3)).isCloseTo(7.0 / 8, within(1e-12));
  }
}
