package com.expat.search.indexer.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.expat.search.common.config.ConfigException;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));

  @Test
  void delayGrowsExponentiallyWithJitterBetweenHalfAndFull() {
    SplittableRandom random = new SplittableRandom(1);
    for (int attempt = 0; attempt < 6; attempt++) {
      long ceiling = Math.min(5_000, 100L << attempt);
      for (int i = 0; i < 200; i++) {
        assertThat(backoff.delay(attempt, random).toMillis()).as("attempt " + attempt)
            .isBetween(ceiling / 2, ceiling);
      }
    }
  }

  @Test
  void delayIsCappedForeverEvenAfterManyAttempts() {
    SplittableRandom random = new SplittableRandom(2);
    for (int attempt : new int[] {10, 31, 63, 64, 1_000, Integer.MAX_VALUE}) {
      assertThat(backoff.delay(attempt, random).toMillis()).isBetween(2_500L, 5_000L);
    }
  }

  @Test
  void jitterSpreadsRetriesOfSeveralIndexers() {
    SplittableRandom random = new SplittableRandom(3);
    long distinct = java.util.stream.IntStream.range(0, 50)
        .mapToLong(i -> backoff.delay(4, random).toMillis()).distinct().count();
    assertThat(distinct).isGreaterThan(25);
  }

  @Test
  void maxBelowBaseIsRefused() {
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(ConfigException.class).hasMessageContaining("below the base");
  }
}
