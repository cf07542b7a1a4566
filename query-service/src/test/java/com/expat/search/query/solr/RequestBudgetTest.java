package com.expat.search.query.solr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.expat.search.common.config.ConfigException;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RequestBudgetTest {
  private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
  private static final long CLIENT_LIMIT = 800 * MS;

  /** Starts near the largest long, so that every deadline here lies across the overflow. */
  private final AtomicLong now = new AtomicLong(Long.MAX_VALUE - 300 * MS);
  private final Ticker ticker = now::get;
  private final RequestBudget budget = new RequestBudget(Duration.ofMillis(800), ticker);

  private void advance(long millis) {
    now.addAndGet(millis * MS);
  }

  @Test
  void aCallOutsideAnyRequestHasTheClientsLimit() {
    assertThat(budget.nanosLeft()).isEmpty();
    assertThat(budget.callLimitNanos(CLIENT_LIMIT, "members")).isEqualTo(CLIENT_LIMIT);
  }

  @Test
  void eachCallOfARequestGetsWhatIsLeftOfIt() {
    budget.start();
    advance(500); // a first call answered slowly
    assertThat(budget.nanosLeft()).hasValue(300 * MS);
    assertThat(budget.callLimitNanos(CLIENT_LIMIT, "members")).isEqualTo(300 * MS);
    advance(250);
    assertThat(budget.callLimitNanos(CLIENT_LIMIT, "events")).isEqualTo(50 * MS);
  }

  @Test
  void aCallNeverWaitsLongerThanTheClientsOwnLimit() {
    RequestBudget generous = new RequestBudget(Duration.ofSeconds(5), ticker);
    generous.start();
    advance(100);
    assertThat(generous.nanosLeft()).hasValue(4_900 * MS);
    assertThat(generous.callLimitNanos(CLIENT_LIMIT, "members")).isEqualTo(CLIENT_LIMIT);
  }

  @Test
  void noCallIsMadeOnceTheBudgetHasRunOut() {
    budget.start();
    advance(800);
    assertThat(budget.nanosLeft()).hasValue(0);
    assertThatThrownBy(() -> budget.callLimitNanos(CLIENT_LIMIT, "members"))
        .isInstanceOf(IndexUnavailableException.class)
        .hasMessageContaining("800 ms").hasMessageContaining("members");
    advance(10_000);
    assertThat(budget.nanosLeft()).as("never negative").hasValue(0);
  }

  @Test
  void theNextRequestStartsWithTheWholeBudget() {
    budget.start();
    advance(900);
    budget.end();
    assertThat(budget.nanosLeft()).isEmpty();
    assertThat(budget.callLimitNanos(CLIENT_LIMIT, "members")).isEqualTo(CLIENT_LIMIT);

    budget.start();
    assertThat(budget.nanosLeft()).hasValue(800 * MS);
  }

  @Test
  void aRequestOnAnotherThreadHasItsOwnDeadline() throws Exception {
    budget.start();
    advance(700);
    AtomicReference<OptionalLong> elsewhere = new AtomicReference<>();
    Thread other = new Thread(() -> {
      elsewhere.set(budget.nanosLeft());
      budget.start();
    });
    other.start();
    other.join();

    assertThat(elsewhere.get()).as("a thread serving no request").isEmpty();
    assertThat(budget.nanosLeft()).as("unchanged by the other thread's start").hasValue(100 * MS);
  }

  @Test
  void aBudgetThatIsNotPositiveIsRefusedAtStart() {
    assertThatThrownBy(() -> new RequestBudget(Duration.ZERO, ticker)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("PT0S");
    assertThatThrownBy(() -> new RequestBudget(Duration.ofMillis(-1), ticker)).isInstanceOf(ConfigException.class);
  }
}
