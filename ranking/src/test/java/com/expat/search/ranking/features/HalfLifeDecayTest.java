package com.expat.search.ranking.features;

import static com.expat.search.ranking.World.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HalfLifeDecayTest {
  private static final Duration WEEK = Duration.ofDays(7);

  @Test
  void countsHalfOneHalfLifeAgoAndOneNow() {
    assertThat(HalfLifeDecay.value(NOW, NOW, WEEK)).isEqualTo(1.0);
    assertThat(HalfLifeDecay.value(NOW.minus(WEEK), NOW, WEEK)).isCloseTo(0.5, within(1e-12));
    assertThat(HalfLifeDecay.value(NOW.minus(WEEK.multipliedBy(2)), NOW, WEEK)).isCloseTo(0.25, within(1e-12));
  }

  @Test
  void moreRecentNeverCountsLess() {
    SplittableRandom random = new SplittableRandom(12);
    for (int i = 0; i < 1000; i++) {
      long ageMs = random.nextLong(0, 400L * 86_400_000);
      long recentMs = (long) (ageMs * random.nextDouble());
      assertThat(HalfLifeDecay.value(NOW.minusMillis(recentMs), NOW, WEEK))
          .isGreaterThanOrEqualTo(HalfLifeDecay.value(NOW.minusMillis(ageMs), NOW, WEEK));
    }
  }

  @Test
  void futureMomentCountsAsNowAndUnknownAsZero() {
    assertThat(HalfLifeDecay.value(NOW.plusSeconds(60), NOW, WEEK)).isEqualTo(1.0);
    assertThat(HalfLifeDecay.value(null, NOW, WEEK)).isZero();
  }

  @Test
  void nonPositiveHalfLifeIsRejected() {
    assertThatThrownBy(() -> HalfLifeDecay.value(NOW, NOW, Duration.ZERO)).hasMessageContaining("half-life");
  }
}
