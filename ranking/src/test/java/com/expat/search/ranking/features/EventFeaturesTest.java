package com.expat.search.ranking.features;

import static com.expat.search.ranking.signals.LanguageLevel.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.expat.search.ranking.signals.LanguageLevel;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The small event features: language, saturating counts, room left, reciprocal fit. */
class EventFeaturesTest {
  private static final LevelWeights LEVELS = new LevelWeights(0.95, 0.85, 0.5, 0.25);

  @Test
  void eventLanguageCountsTheViewersLevelInIt() {
    Map<String, LanguageLevel> mine = Map.of("de", NATIVE, "en", BASIC);
    assertThat(EventLanguage.value(mine, "de", LEVELS)).isEqualTo(0.95);
    assertThat(EventLanguage.value(mine, "en", LEVELS)).isEqualTo(0.25);
    assertThat(EventLanguage.value(mine, "ja", LEVELS)).isZero();
    assertThat(EventLanguage.value(mine, null, LEVELS)).isZero();
  }

  @Test
  void saturationIsHalfAtHalfAndNeverLowerForMore() {
    assertThat(Saturation.value(0, 3)).isZero();
    assertThat(Saturation.value(3, 3)).isCloseTo(0.5, within(1e-12));
    SplittableRandom random = new SplittableRandom(18);
    for (int i = 0; i < 500; i++) {
      int n = random.nextInt(1000);
      double half = random.nextDouble(0.5, 50);
      assertThat(Saturation.value(n + 1, half)).isGreaterThanOrEqualTo(Saturation.value(n, half)).isLessThan(1.0);
    }
  }

  @Test
  void moreRoomNeverCountsLessAndNoLimitCountsMost() {
    assertThat(RoomLeft.value(null, 500, 5)).isEqualTo(1.0);
    assertThat(RoomLeft.value(20, 20, 5)).isZero();
    assertThat(RoomLeft.value(20, 25, 5)).isZero();
    assertThat(RoomLeft.value(20, 17, 5)).isCloseTo(0.6, within(1e-12));
    SplittableRandom random = new SplittableRandom(19);
    for (int i = 0; i < 500; i++) {
      int going = random.nextInt(100);
      int capacity = random.nextInt(120);
      double seats = random.nextDouble(1, 20);
      double value = RoomLeft.value(capacity, going, seats);
      assertThat(RoomLeft.value(capacity + 1, going, seats)).isGreaterThanOrEqualTo(value);
      assertThat(RoomLeft.value(null, going, seats)).isGreaterThanOrEqualTo(value);
    }
  }

  @Test
  void reciprocalFitIsHighOnlyWhenBothDirectionsAre() {
    assertThat(Reciprocal.harmonicMean(1, 1)).isEqualTo(1.0);
    assertThat(Reciprocal.harmonicMean(1, 0)).isZero();
    assertThat(Reciprocal.harmonicMean(0, 0)).isZero();
    assertThat(Reciprocal.harmonicMean(0.9, 0.1)).isLessThan(Reciprocal.harmonicMean(0.5, 0.5));
    SplittableRandom random = new SplittableRandom(20);
    for (int i = 0; i < 500; i++) {
      double a = random.nextDouble();
      double b = random.nextDouble();
      double more = a + (1 - a) * random.nextDouble();
      assertThat(Reciprocal.harmonicMean(a, b)).isCloseTo(Reciprocal.harmonicMean(b, a), within(1e-15));
      assertThat(Reciprocal.harmonicMean(more, b)).isGreaterThanOrEqualTo(Reciprocal.harmonicMean(a, b));
    }
  }
}
