package com.expat.search.bench.load;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An open-loop load generator: request {@code k} of a step is due at {@code start + k / rate},
 * whatever happened to earlier requests, and its latency is measured from that intended time, not
 * from when it was actually sent. A stall of the service, of the client or of this generator thus
 * counts against every request that should have gone out during it, which is what users arriving
 * on their own schedule experience (no coordinated omission). Because the correction is built into
 * the measurement, HdrHistogram's {@code recordValueWithExpectedInterval} is deliberately not used:
 * it would correct a second time.
 *
 * <p>At most {@code maxInFlight} requests are outstanding; a request due while all are taken is not
 * sent and counts as an {@code overflow} error, so a saturated service shows up as errors instead of
 * as an ever-growing queue inside the generator. Every step is bounded: it ends after warm-up plus
 * duration or {@code maxRequests}, then waits at most {@code drainTimeout} for answers; requests still
 * unanswered count as {@code timeout} errors.
 *
 * <p>One thread schedules (the caller's); answers are recorded on the transport's threads. Not
 * reentrant: run one step at a time per instance.
 */
public final class OpenLoopRunner {
  private final Transport transport;
  private final LoadClock clock;
  private final int maxInFlight;
  private final Duration drainTimeout;

  public OpenLoopRunner(Transport transport, LoadClock clock, int maxInFlight, Duration drainTimeout) {
    this.transport = Objects.requireNonNull(transport, "transport");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("maxInFlight = " + maxInFlight + ", expected >= 1");
    }
    this.maxInFlight = maxInFlight;
    this.drainTimeout = Objects.requireNonNull(drainTimeout, "drainTimeout");
  }

  /**
   * Sends {@code requests} in order (cycling) at {@code rate} per second for {@code warmup} plus
   * {@code duration}; only requests due after the warm-up are measured.
   *
   * @param maxRequests upper bound on requests sent in this step, warm-up included
   */
  public RateStep run(List<LoadRequest> requests, double rate, Duration warmup, Duration duration, long maxRequests) {
    if (requests.isEmpty()) {
      throw new IllegalArgumentException("no requests to send");
    }
    if (!(rate > 0 && rate <= 100_000)) {
      throw new IllegalArgumentException("rate = " + rate + ", expected 0 < rate <= 100000 per second");
    }
    if (duration.isZero() || duration.isNegative() || warmup.isNegative()) {
      throw new IllegalArgumentException("duration = " + duration + ", warmup = " + warmup + ": need duration > 0, warmup >= 0");
    }
    double intervalNanos = 1e9 / rate;
    Latencies latencies = new Latencies();
    Semaphore permits = new Semaphore(maxInFlight);
    AtomicLong completed = new AtomicLong();
    AtomicLong measuredInFlight = new AtomicLong();
    long start = clock.nanoTime();
    long warmupEnd = start + warmup.toNanos();
    long end = warmupEnd + duration.toNanos();
    long scheduled = 0;
    for (long k = 0; k < maxRequests; k++) {
      long intended = start + Math.round(k * intervalNanos);
      if (intended >= end) {
        break;
      }
      clock.sleepUntil(intended);
      if (Thread.currentThread().isInterrupted()) {
        break;
      }
      boolean measured = intended >= warmupEnd;
      LoadRequest request = requests.get((int) (k % requests.size()));
      if (measured) {
        scheduled++;
      }
      if (!permits.tryAcquire()) {
        if (measured) {
          latencies.error(request.endpoint(), "overflow");
        }
        continue;
      }
      long sentAt = clock.nanoTime();
      if (measured) {
        latencies.recordSendLag(sentAt - intended);
        measuredInFlight.incrementAndGet();
      }
      CompletableFuture<Reply> answer;
      try {
        answer = transport.send(request);
      } catch (RuntimeException e) {
        answer = CompletableFuture.failedFuture(e);
      }
      answer.whenComplete((reply, failure) -> {
        long done = clock.nanoTime();
        if (measured) {
          if (failure != null) {
            latencies.error(request.endpoint(), reason(failure));
          } else if (!reply.ok()) {
            latencies.error(request.endpoint(), "http_" + reply.status());
          } else {
            latencies.record(new SeriesKey(request.endpoint(), reply.tier()), done - intended, done - sentAt);
            completed.incrementAndGet();
          }
          measuredInFlight.decrementAndGet();
        }
        permits.release();
      });
    }
    long drainUntil = clock.nanoTime() + drainTimeout.toNanos();
    while (permits.availablePermits() < maxInFlight && clock.nanoTime() < drainUntil
        && !Thread.currentThread().isInterrupted()) {
      clock.sleepUntil(clock.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1));
    }
    long unanswered = measuredInFlight.get();
    for (long i = 0; i < unanswered; i++) {
      latencies.error("(any)", "timeout");
    }
    latencies.close();
    return new RateStep(rate, duration, scheduled, completed.get(), latencies);
  }

  private static String reason(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof java.util.concurrent.CompletionException
        || cause instanceof java.util.concurrent.ExecutionException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause instanceof java.net.http.HttpTimeoutException ? "timeout" : cause.getClass().getSimpleName();
  }
}
