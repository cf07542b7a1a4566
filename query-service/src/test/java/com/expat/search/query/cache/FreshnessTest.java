package com.expat.search.query.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FreshnessTest {
  private final AtomicLong millis = new AtomicLong(1_000_000);
  private final Clock clock = new Clock() {
    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis.get());
    }
  };
  private final Freshness freshness =
      new Freshness(clock, Duration.ofSeconds(120), Duration.ofSeconds(1), Duration.ofSeconds(2));

  @Test
  void anAnswerShowingAMemberChangedAfterItWasComputedIsStale() {
    freshness.feedUp();
    millis.addAndGet(10);
    long computedAt = millis.get();
    millis.addAndGet(5_000);
    assertThat(freshness.isFresh(computedAt, Dependencies.members(List.of(1L, 2L)))).isTrue();
    freshness.membersChanged(List.of(2L));
    assertThat(freshness.isFresh(computedAt, Dependencies.members(List.of(1L, 2L)))).isFalse();
    assertThat(freshness.isFresh(computedAt, Dependencies.members(List.of(1L, 3L)))).isTrue();
    millis.addAndGet(1_001);
    assertThat(freshness.isFresh(millis.get(), Dependencies.members(List.of(2L)))).as("computed after").isTrue();
  }

  @Test
  void eventsCountToo() {
    freshness.feedUp();
    long computedAt = millis.get();
    freshness.eventsChanged(List.of(7L));
    assertThat(freshness.isFresh(computedAt, new Dependencies(List.of(), List.of(7L)))).isFalse();
  }

  @Test
  void withoutTheFeedAnswersLiveOnlyTheUnconfirmedTtl() {
    long computedAt = millis.get();
    assertThat(freshness.isFresh(computedAt, Dependencies.members(List.of()))).isTrue();
    millis.addAndGet(2_000);
    assertThat(freshness.isFresh(computedAt, Dependencies.members(List.of()))).isFalse();
  }

  @Test
  void answersCachedBeforeTheFeedCameBackAreNotTrustedForLong() {
    long before = millis.get();
    millis.addAndGet(100);
    freshness.feedUp();
    millis.addAndGet(3_000);
    assertThat(freshness.isFresh(before, Dependencies.members(List.of()))).isFalse();
    assertThat(freshness.isFresh(before + 100, Dependencies.members(List.of()))).isTrue();
    freshness.feedDown();
    assertThat(freshness.isFresh(before + 100, Dependencies.members(List.of()))).isFalse();
  }

  @Test
  void fromABatchsAnnouncementUntilItSettlesNoAnswerAboutItsRowsIsFreshWhenEverComputed() {
    freshness.feedUp();
    long before = millis.addAndGet(10);
    millis.addAndGet(5_000);
    freshness.pending("b1", List.of(2L), List.of(7L));
    long during = millis.addAndGet(3_000);
    millis.addAndGet(3_000);
    assertThat(freshness.isFresh(before, Dependencies.members(List.of(1L, 2L)))).isFalse();
    assertThat(freshness.isFresh(during, Dependencies.members(List.of(2L)))).as("may predate the write").isFalse();
    assertThat(freshness.isFresh(during, new Dependencies(List.of(), List.of(7L)))).isFalse();
    assertThat(freshness.isFresh(before, Dependencies.members(List.of(1L, 3L)))).as("other rows").isTrue();
    assertThat(freshness.pendingBatches()).isEqualTo(1);

    freshness.settled("b1");
    assertThat(freshness.pendingBatches()).isZero();
    assertThat(freshness.isFresh(during, Dependencies.members(List.of(2L)))).as("computed before visible").isFalse();
    long after = millis.addAndGet(1_001);
    assertThat(freshness.isFresh(after, Dependencies.members(List.of(2L)))).isTrue();
    assertThat(freshness.isFresh(after, new Dependencies(List.of(), List.of(7L)))).isTrue();
  }

  @Test
  void aRowInTwoAnnouncedBatchesStaysPendingUntilBothSettle() {
    freshness.feedUp();
    freshness.pending("b1", List.of(2L), List.of());
    freshness.pending("b2", List.of(2L, 3L), List.of());
    freshness.settled("b1");
    long after = millis.addAndGet(1_001);
    assertThat(freshness.isFresh(after, Dependencies.members(List.of(2L)))).isFalse();
    freshness.pending("b2", List.of(3L), List.of());
    assertThat(freshness.isFresh(after, Dependencies.members(List.of(2L)))).as("a retry names only 3").isTrue();
    freshness.settled("b2");
    freshness.settled("unknown");
    assertThat(freshness.isFresh(millis.addAndGet(1_001), Dependencies.members(List.of(3L)))).isTrue();
  }

  @Test
  void anAnnouncementNeverSettledLapsesAfterItsLeaseAsAChangeThen() {
    Freshness leased = new Freshness(clock, Duration.ofSeconds(120), Duration.ofSeconds(1), Duration.ofSeconds(2),
        Duration.ofSeconds(10));
    leased.feedUp();
    leased.pending("b1", List.of(2L), List.of());
    long during = millis.addAndGet(5_000);
    assertThat(leased.isFresh(during, Dependencies.members(List.of(2L)))).isFalse();
    millis.addAndGet(5_001);
    assertThat(leased.isFresh(during, Dependencies.members(List.of(2L)))).as("computed before it lapsed").isFalse();
    assertThat(leased.pendingBatches()).isZero();
    assertThat(leased.isFresh(millis.addAndGet(1_001), Dependencies.members(List.of(2L)))).isTrue();
  }
}
