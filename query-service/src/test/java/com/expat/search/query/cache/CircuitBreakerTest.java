package com.expat.search.query.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {
  private final AtomicLong millis = new AtomicLong();
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

  @Test
  void opensAfterConsecutiveFailuresOnly() {
    CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(10), clock);
    breaker.failure();
    breaker.failure();
    breaker.success();
    breaker.failure();
    breaker.failure();
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    breaker.failure();
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
    assertThat(breaker.allow()).isFalse();
  }

  @Test
  void letsOneProbeThroughAfterTheOpenPeriodAndClosesOnItsSuccess() {
    CircuitBreaker breaker = new CircuitBreaker(1, Duration.ofSeconds(10), clock);
    breaker.failure();
    millis.addAndGet(9_999);
    assertThat(breaker.allow()).isFalse();
    millis.addAndGet(1);
    assertThat(breaker.allow()).isTrue();
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
    assertThat(breaker.allow()).as("only one probe at a time").isFalse();
    breaker.success();
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    assertThat(breaker.allow()).isTrue();
  }

  @Test
  void aFailedProbeOpensItAgain() {
    CircuitBreaker breaker = new CircuitBreaker(5, Duration.ofSeconds(1), clock);
    for (int i = 0; i < 5; i++) {
      breaker.failure();
    }
    millis.addAndGet(1_000);
    assertThat(breaker.allow()).isTrue();
    breaker.failure();
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
    assertThat(breaker.allow()).isFalse();
  }
}
