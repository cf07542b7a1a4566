package com.expat.search.ranking.features;

import static com.expat.search.ranking.World.CORPUS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.expat.search.ranking.World;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InterestOverlapTest {

  @Test
  void sharingEverythingCountsOneAndNothingZero() {
    Set<String> mine = Set.of("hiking", "jazz");
    assertThat(InterestOverlap.share(mine, Set.of("jazz", "hiking", "golf"), CORPUS)).isCloseTo(1.0, within(1e-12));
    assertThat(InterestOverlap.share(mine, Set.of("golf"), CORPUS)).isZero();
    assertThat(InterestOverlap.share(Set.of(), Set.of("golf"), CORPUS)).isZero();
  }

  @Test
  void rarerSharedInterestCountsMoreThanCommonOne() {
    Set<String> mine = Set.of("hiking", "falconry");
    assertThat(InterestOverlap.share(mine, Set.of("falconry"), CORPUS))
        .isGreaterThan(InterestOverlap.share(mine, Set.of("hiking"), CORPUS));
  }

  @Test
  void oneMoreSharedInterestNeverCountsLess() {
    SplittableRandom random = new SplittableRandom(14);
    for (int i = 0; i < 500; i++) {
      Set<String> mine = randomSet(random);
      Set<String> theirs = randomSet(random);
      Set<String> more = new HashSet<>(theirs);
      more.add(World.INTERESTS.get(random.nextInt(World.INTERESTS.size())));
      assertThat(InterestOverlap.share(mine, more, CORPUS))
          .isGreaterThanOrEqualTo(InterestOverlap.share(mine, theirs, CORPUS));
    }
  }

  @Test
  void precomputedWeightsGiveTheSameShare() {
    SplittableRandom random = new SplittableRandom(15);
    for (int i = 0; i < 500; i++) {
      Set<String> mine = randomSet(random);
      Set<String> theirs = randomSet(random);
      Map<String, Double> weights = InterestOverlap.weights(mine, CORPUS);
      assertThat(InterestOverlap.share(weights, theirs))
          .isCloseTo(InterestOverlap.share(mine, theirs, CORPUS), within(1e-12));
    }
  }

  @Test
  void sharedInterestsAreListedRarestFirst() {
    assertThat(InterestOverlap.shared(Set.of("hiking", "jazz", "go"), Set.of("hiking", "go", "jazz", "golf"), CORPUS))
        .containsExactly("go", "jazz", "hiking");
  }

  private static Set<String> randomSet(SplittableRandom random) {
    Set<String> result = new HashSet<>();
    List<String> all = World.INTERESTS;
    for (int i = 0, n = random.nextInt(6); i < n; i++) {
      result.add(all.get(random.nextInt(all.size())));
    }
    return result;
  }
}
