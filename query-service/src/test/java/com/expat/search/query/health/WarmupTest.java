package com.expat.search.query.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class WarmupTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final AtomicLong nanos = new AtomicLong();
  private final List<String> asked = new CopyOnWriteArrayList<>();

  /** A service whose member search finds members 11, 12 and 13 and answers everything else {@code status}. */
  private Warmup.Client service(int status, Duration eachTakes) {
    return path -> {
      asked.add(path);
      nanos.addAndGet(eachTakes.toNanos());
      if (path.startsWith("/v1/members/search?size=")) {
        return new Warmup.Reply(200, members(11, 12, 13));
      }
      return new Warmup.Reply(status, MissingNode.getInstance());
    };
  }

  private static JsonNode members(long... ids) {
    var items = MAPPER.createArrayNode();
    for (long id : ids) {
      items.addObject().put("id", id).putObject("city").put("id", 1000 + id);
    }
    return MAPPER.createObjectNode().set("items", items);
  }

  private Warmup warmup(int requests, Duration limit, int concurrency) {
    return warmup(requests, limit, concurrency, () -> true);
  }

  private Warmup warmup(int requests, Duration limit, int concurrency, BooleanSupplier prerequisite) {
    return new Warmup(new Warmup.Settings(requests, limit, concurrency), nanos::get, prerequisite,
        Duration.ZERO);
  }

  @Test
  void notReadyUntilTheWarmupHasAskedItsRequestsThenReady() {
    Warmup warmup = warmup(9, Duration.ofSeconds(60), 1);
    assertThat(warmup.isDone()).isFalse();

    Warmup.Outcome outcome = warmup.run(service(200, Duration.ofMillis(10)));

    assertThat(warmup.isDone()).isTrue();
    assertThat(outcome.sent()).isEqualTo(9);
    assertThat(outcome.answered(Warmup.Kind.MATCHES)).isEqualTo(6);
    assertThat(outcome.answered(Warmup.Kind.MEMBER_SEARCH)).isEqualTo(3);
    assertThat(outcome.members()).isEqualTo(3);
    assertThat(outcome.stoppedByTimeLimit()).isFalse();
    assertThat(asked).hasSize(1 + 9);
  }

  @Test
  void asksAsTheMembersItFoundAndEveryPassWithAnotherRadius() {
    warmup(6, Duration.ofSeconds(60), 1).run(service(200, Duration.ofMillis(10)));

    assertThat(asked.subList(1, asked.size())).containsExactly(
        "/v1/members/11/matches?radius_km=99",
        "/v1/members/12/matches?radius_km=99",
        "/v1/members/search?viewer=13&city=1013&page=1",
        "/v1/members/11/matches?radius_km=80",
        "/v1/members/12/matches?radius_km=80",
        "/v1/members/search?viewer=13&city=1013&page=2");
  }

  @Test
  void aSolrThatAnswers503KeepsReadinessBackNoLongerThanTheTimeLimit() {
    Warmup warmup = warmup(1_000, Duration.ofSeconds(5), 2);

    Warmup.Outcome outcome = warmup.run(service(503, Duration.ofSeconds(1)));

    assertThat(warmup.isDone()).isTrue();
    assertThat(outcome.stoppedByTimeLimit()).isTrue();
    assertThat(outcome.sent()).isLessThan(10);
    assertThat(outcome.unavailable(Warmup.Kind.MATCHES) + outcome.unavailable(Warmup.Kind.MEMBER_SEARCH))
        .isEqualTo(outcome.sent());
  }

  @Test
  void aSeedSearchThatNeverAnswersEndsAtTheTimeLimitWithoutWarming() {
    Warmup warmup = warmup(100, Duration.ofSeconds(3), 1);
    Warmup.Client down = path -> {
      asked.add(path);
      nanos.addAndGet(Duration.ofSeconds(1).toNanos());
      return new Warmup.Reply(503, MissingNode.getInstance());
    };

    Warmup.Outcome outcome = warmup.run(down);

    assertThat(warmup.isDone()).isTrue();
    assertThat(outcome.sent()).isZero();
    assertThat(outcome.stoppedByTimeLimit()).isTrue();
    assertThat(asked).hasSize(3).allMatch(path -> path.startsWith("/v1/members/search?size="));
  }

  @Test
  void asksNothingUntilItsPrerequisiteHolds() {
    AtomicInteger checks = new AtomicInteger();
    // The catalog's first reading comes in at the fourth look; each look waits a second.
    Warmup warmup = warmup(3, Duration.ofSeconds(60), 1, () -> {
      assertThat(asked).isEmpty();
      nanos.addAndGet(Duration.ofSeconds(1).toNanos());
      return checks.incrementAndGet() >= 4;
    });

    Warmup.Outcome outcome = warmup.run(service(200, Duration.ofMillis(10)));

    assertThat(checks).hasValue(4);
    assertThat(outcome.sent()).isEqualTo(3);
    assertThat(outcome.answered(Warmup.Kind.MATCHES)).isEqualTo(2);
  }

  @Test
  void aPrerequisiteThatNeverHoldsEndsAtTheTimeLimitWithoutAsking() {
    Warmup warmup = warmup(100, Duration.ofSeconds(3), 1, () -> {
      nanos.addAndGet(Duration.ofSeconds(1).toNanos());
      return false;
    });

    Warmup.Outcome outcome = warmup.run(service(200, Duration.ofMillis(10)));

    assertThat(warmup.isDone()).isTrue();
    assertThat(outcome.sent()).isZero();
    assertThat(outcome.stoppedByTimeLimit()).isTrue();
    assertThat(asked).isEmpty();
  }

  @Test
  void offIsReadyAtOnceAndAsksNothing() {
    Warmup warmup = new Warmup(Warmup.Settings.OFF, nanos::get, () -> true);

    assertThat(warmup.on()).isFalse();
    assertThat(warmup.isDone()).isTrue();
  }
}
