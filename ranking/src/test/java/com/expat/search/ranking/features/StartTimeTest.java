package com.expat.search.ranking.features;

import static com.expat.search.ranking.World.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StartTimeTest {
  private static final Duration WEEK = Duration.ofDays(7);

  @Test
  void soonerFutureStartNeverCountsLess() {
    SplittableRandom random = new SplittableRandom(13);
    for (int i = 0; i < 1000; i++) {
      long aheadMs = random.nextLong(1, 90L * 86_400_000);
      long soonerMs = Math.max(1, (long) (aheadMs * random.nextDouble()));
      assertThat(StartTime.value(NOW.plusMillis(soonerMs), NOW, WEEK))
          .isGreaterThanOrEqualTo(StartTime.value(NOW.plusMillis(aheadMs), NOW, WEEK));
    }
  }

  @Test
  void aWeekAheadCountsHalf() {
    assertThat(StartTime.value(NOW.plus(WEEK), NOW, WEEK)).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void startedOrPastEventCountsZero() {
    assertThat(StartTime.value(NOW, NOW, WEEK)).isZero();
    assertThat(StartTime.value(NOW.minusSeconds(1), NOW, WEEK)).isZero();
    assertThat(StartTime.value(NOW.minus(Duration.ofDays(30)), NOW, WEEK)).isZero();
  }
}
