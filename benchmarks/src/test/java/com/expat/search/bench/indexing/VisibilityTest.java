package com.expat.search.bench.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class VisibilityTest {
  private static final long SECOND = 1_000_000_000L;
  private static final Instant T0 = Instant.parse("2026-12-04T16:00:00.000Z");

  @Test
  void thePollStartsAtTheOldestPendingChange_andMovesOnOnceItIsSeen() {
    Visibility visibility = new Visibility(0, 0);
    visibility.published(change(1, 5, T0.plusMillis(20), 1));
    visibility.published(change(2, 3, T0, 2)); // committed first, published second
    visibility.published(change(3, 9, T0.plusMillis(40), 3));

    assertThat(visibility.oldestPendingUpdatedAt()).contains(T0);
    visibility.seen(2, 3, 10);
    assertThat(visibility.oldestPendingUpdatedAt()).contains(T0.plusMillis(20));
    visibility.seen(1, 5, 10);
    visibility.seen(3, 9, 10);
    assertThat(visibility.oldestPendingUpdatedAt()).isEmpty();
    assertThat(visibility.pending()).isZero();
  }

  @Test
  void anOlderVersionInTheIndexLeavesTheChangePending() {
    Visibility visibility = new Visibility(0, 0);
    visibility.published(change(1, 5, T0, 1));

    visibility.seen(1, 4, 10);

    assertThat(visibility.pending()).isEqualTo(1);
    assertThat(visibility.oldestPendingUpdatedAt()).contains(T0);
  }

  @Test
  void changesOfTheSameMillisecondAreCountedApart() {
    Visibility visibility = new Visibility(0, 0);
    visibility.published(change(1, 5, T0, 1));
    visibility.published(change(2, 5, T0, 1));

    visibility.seen(1, 5, 10);

    assertThat(visibility.oldestPendingUpdatedAt()).contains(T0);
  }

  @Test
  void warmUpChangesAreWaitedFor_butLeftOutOfTheLatency() {
    Visibility visibility = new Visibility(0, 2 * SECOND);
    visibility.published(change(1, 5, T0, SECOND));
    visibility.published(change(2, 5, T0.plusSeconds(2), 3 * SECOND));

    visibility.seen(1, 5, 2 * SECOND);
    visibility.seen(2, 5, 3 * SECOND + 250_000_000L);

    assertThat(visibility.pending()).isZero();
    assertThat(visibility.warmupVisible()).isEqualTo(1);
    assertThat(visibility.latency().getTotalCount()).isEqualTo(1);
    assertThat(visibility.latency().getMaxValue()).isBetween(249_000L, 251_000L);
    assertThat(visibility.timeline()).hasSize(1);
  }

  private static ChangeWriter.Published change(long member, long version, Instant updatedAt, long publishNanos) {
    return new ChangeWriter.Published(member, version, updatedAt, publishNanos);
  }
}
