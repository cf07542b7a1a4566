package com.expat.search.bench.cost;

import com.expat.search.bench.load.LoadRequest;
import com.expat.search.bench.load.Reply;
import com.expat.search.bench.load.Transport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends each request once, {@code concurrency} at a time (a new one as soon as one is answered),
 * and counts the answers: what a cost measurement needs, where latency does not matter but every
 * request must have been made and answered. Not reentrant.
 */
public final class ClosedLoop {
  private final Transport transport;
  private final int concurrency;

  public ClosedLoop(Transport transport, int concurrency) {
    this.transport = Objects.requireNonNull(transport, "transport");
    if (concurrency < 1 || concurrency > 64) {
      throw new IllegalArgumentException("concurrency = " + concurrency + ", expected 1..64");
    }
    this.concurrency = concurrency;
  }

  /**
   * What a run did.
   *
   * @param tiers answered requests by cache tier ({@link Reply#tier})
   * @param errors failed requests by reason ({@code http_<status>} or the exception's class)
   */
  public record Outcome(int sent, Map<String, Long> tiers, Map<String, Long> errors, Duration wall) {
    public Outcome {
      tiers = Map.copyOf(tiers);
      errors = Map.copyOf(errors);
    }

    public long answered() {
      return tiers.values().stream().mapToLong(Long::longValue).sum();
    }

    public long failed() {
      return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    /** This outcome and {@code other}'s together, as if one run: counts and walls added. */
    public Outcome plus(Outcome other) {
      Map<String, Long> bothTiers = new TreeMap<>(tiers);
      other.tiers.forEach((tier, count) -> bothTiers.merge(tier, count, Long::sum));
      Map<String, Long> bothErrors = new TreeMap<>(errors);
      other.errors.forEach((error, count) -> bothErrors.merge(error, count, Long::sum));
      return new Outcome(sent + other.sent, bothTiers, bothErrors, wall.plus(other.wall));
    }
  }

  /** Sends every request and waits for every answer (each bounded by the transport's timeout). */
  public Outcome run(List<LoadRequest> requests) throws InterruptedException {
    Semaphore slots = new Semaphore(concurrency);
    Map<String, AtomicLong> tiers = new ConcurrentHashMap<>();
    Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    long start = System.nanoTime();
    for (LoadRequest request : requests) {
      slots.acquire();
      CompletableFuture<Reply> answer;
      try {
        answer = transport.send(request);
      } catch (RuntimeException e) {
        answer = CompletableFuture.failedFuture(e);
      }
      answer.whenComplete((reply, failure) -> {
        String error = failure != null ? reason(failure) : reply.ok() ? null : "http_" + reply.status();
        (error == null ? tiers : errors).computeIfAbsent(error == null ? reply.tier() : error, key -> new AtomicLong())
            .incrementAndGet();
        slots.release();
      });
    }
    slots.acquire(concurrency);
    slots.release(concurrency);
    return new Outcome(requests.size(), counts(tiers), counts(errors), Duration.ofNanos(System.nanoTime() - start));
  }

  private static Map<String, Long> counts(Map<String, AtomicLong> counters) {
    Map<String, Long> counts = new TreeMap<>();
    counters.forEach((key, count) -> counts.put(key, count.get()));
    return counts;
  }

  private static String reason(Throwable failure) {
    Throwable cause = failure;
    while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getClass().getSimpleName();
  }
}
