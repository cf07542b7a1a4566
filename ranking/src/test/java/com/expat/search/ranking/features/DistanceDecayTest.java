package com.expat.search.ranking.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.expat.search.ranking.World;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DistanceDecayTest {

  @Test
  void samePlaceCountsOneAndOneScaleAwayCountsOneOverE() {
    assertThat(DistanceDecay.value(0, 25)).isEqualTo(1.0);
    assertThat(DistanceDecay.value(25, 25)).isCloseTo(Math.exp(-1), within(1e-12));
  }

  @Test
  void closerNeverCountsLess() {
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < 1000; i++) {
      double km = random.nextDouble(0, 2000);
      double closer = km * random.nextDouble();
      double scale = random.nextDouble(1, 200);
      assertThat(DistanceDecay.value(closer, scale)).isGreaterThanOrEqualTo(DistanceDecay.value(km, scale));
    }
  }

  @Test
  void unknownPlaceCountsZero() {
    assertThat(DistanceDecay.value(null, World.MUNICH, 25)).isZero();
    assertThat(DistanceDecay.value(World.MUNICH, null, 25)).isZero();
    assertThat(DistanceDecay.value(Double.NaN, 25)).isZero();
    assertThat(DistanceDecay.value(Double.POSITIVE_INFINITY, 25)).isZero();
  }

  @Test
  void munichToAugsburgIsAboutSixtyKilometres() {
    assertThat(World.MUNICH.distanceKm(World.AUGSBURG)).isBetween(55.0, 62.0);
  }

  @Test
  void nonPositiveScaleIsRejectedNamingTheValue() {
    assertThatThrownBy(() -> DistanceDecay.value(1, 0)).hasMessageContaining("was 0.0");
  }
}
