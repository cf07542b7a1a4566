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
}
