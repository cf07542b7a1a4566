package com.expat.search.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class OpenLoopRunnerTest {
  static final List<LoadRequest> MIX = List.of(new LoadRequest("matches", "/v1/members/1/matches"));
  static final SeriesKey KEY = new SeriesKey("matches", Reply.UNCACHED);

  @Test
  void aSteadyServiceShowsItsServiceTime() {
    SimulatedService service = new SimulatedService(2);
    RateStep step = new OpenLoopRunner(service, service, 100, Duration.ofSeconds(5))
        .run(MIX, 100, Duration.ZERO, Duration.ofSeconds(2), 1_000_000);
    Histogram latency = step.latencies().latency().get(KEY);
    assertThat(latency.getTotalCount()).isEqualTo(200);
    assertThat(latency.getMaxValue()).isBetween(1_990L, 2_010L);
    assertThat(step.throughput()).isEqualTo(100.0);
  }

  @Test
  void aStallOfTheSenderCountsAgainstEveryRequestThatShouldHaveGoneOutDuringIt() {
    // The 50th send (due at 490 ms) blocks the client for one second: the ~100 requests due in
    // that second go out late, in a burst. Measured from their intended times they waited up to
    // a second; measured from the actual send (closed-loop style) they hardly waited at all.
    SimulatedService service = new SimulatedService(1).blockSend(50, 1000);
    RateStep step = new OpenLoopRunner(service, service, 1000, Duration.ofSeconds(5))
        .run(MIX, 100, Duration.ZERO, Duration.ofSeconds(2), 1_000_000);
    Histogram latency = step.latencies().latency().get(KEY);
    Histogram uncorrected = step.latencies().service().get(KEY);
    assertThat(latency.getTotalCount()).isEqualTo(200);
    assertThat(latency.getMaxValue()).isGreaterThanOrEqualTo(999_000L);
    assertThat(latency.getValueAtPercentile(90)).isGreaterThan(700_000);
    assertThat(latency.getValueAtPercentile(75)).isGreaterThan(400_000);
    assertThat(uncorrected.getValueAtPercentile(90)).isLessThan(150_000);
    assertThat(step.latencies().sendLag().getMaxValue()).isGreaterThan(900_000);
  }

  @Test
  void aPausedServerFillsTheInFlightBoundAndTheRestOverflow() {
    SimulatedService service = new SimulatedService(1).pause(500, 1500);
    RateStep step = new OpenLoopRunner(service, service, 20, Duration.ofSeconds(5))
        .run(MIX, 100, Duration.ZERO, Duration.ofSeconds(2), 1_000_000);
    long overflow = step.latencies().errors().get("matches").get("overflow");
    assertThat(overflow).isBetween(75L, 85L);
    assertThat(step.completed() + overflow).isEqualTo(step.scheduled()).isEqualTo(200);
    assertThat(step.latencies().latency().get(KEY).getMaxValue()).isBetween(990_000L, 1_010_000L);
  }

  @Test
  void warmUpRequestsAreSentButNotMeasured() {
    SimulatedService service = new SimulatedService(1);
    RateStep step = new OpenLoopRunner(service, service, 10, Duration.ofSeconds(1))
        .run(MIX, 50, Duration.ofSeconds(1), Duration.ofSeconds(1), 1_000_000);
    assertThat(step.scheduled()).isEqualTo(50);
    assertThat(step.latencies().latency().get(KEY).getTotalCount()).isEqualTo(50);
  }

  @Test
  void aStepStopsAtItsRequestBound() {
    SimulatedService service = new SimulatedService(1);
    RateStep step = new OpenLoopRunner(service, service, 10, Duration.ofSeconds(1))
        .run(MIX, 100, Duration.ZERO, Duration.ofSeconds(10), 30);
    assertThat(step.scheduled()).isEqualTo(30);
  }

  @Test
  void unansweredRequestsCountAsTimeouts() {
    Transport never = request -> new java.util.concurrent.CompletableFuture<>();
    SimulatedService clock = new SimulatedService(1);
    RateStep step = new OpenLoopRunner(never, clock, 100, Duration.ofMillis(100))
        .run(MIX, 10, Duration.ZERO, Duration.ofSeconds(1), 1_000_000);
    assertThat(step.latencies().errors().get("(any)").get("timeout")).isEqualTo(10);
    assertThat(step.completed()).isZero();
  }

  @Test
  void anImpossibleRateIsRefused() {
    SimulatedService service = new SimulatedService(1);
    assertThatThrownBy(() -> new OpenLoopRunner(service, service, 10, Duration.ofSeconds(1))
        .run(MIX, 0, Duration.ZERO, Duration.ofSeconds(1), 10)).hasMessageContaining("rate = 0.0");
  }
}
