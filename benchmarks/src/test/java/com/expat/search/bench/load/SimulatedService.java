package com.expat.search.bench.load;

import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A discrete-event stand-in for both the clock and the service: virtual time advances only when
 * the runner sleeps (or when a send "blocks"), and a single-threaded FIFO server answers each
 * request {@code serviceMillis} after it can start, completing the futures in time order as the
 * clock passes their completion instant. Optionally the server pauses for a window, or one send
 * call blocks the caller (a client-side stall).
 */
final class SimulatedService implements LoadClock, Transport {
  private record Pending(long at, long sequence, CompletableFuture<Reply> future) {}

  private final PriorityQueue<Pending> pending =
      new PriorityQueue<>((a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.sequence, b.sequence));
  private final long serviceNanos;
  private long now = 1_000_000_000L;
  private final long origin = now;
  private long serverFreeAt;
  private long sequence;
  private long sends;
  long pauseFrom = -1;
  long pauseUntil = -1;
  long blockingSend = -1;
  long blockNanos;

  SimulatedService(double serviceMillis) {
    this.serviceNanos = (long) (serviceMillis * 1e6);
  }

  /** The server answers nothing between these instants (ms after the start). */
  SimulatedService pause(long fromMillis, long untilMillis) {
    pauseFrom = origin + TimeUnit.MILLISECONDS.toNanos(fromMillis);
    pauseUntil = origin + TimeUnit.MILLISECONDS.toNanos(untilMillis);
    return this;
  }

  /** The {@code n}-th send (1-based) blocks its caller for {@code millis}. */
  SimulatedService blockSend(long n, long millis) {
    blockingSend = n;
    blockNanos = TimeUnit.MILLISECONDS.toNanos(millis);
    return this;
  }

  @Override
  public long nanoTime() {
    return now;
  }

  @Override
  public void sleepUntil(long deadlineNanos) {
    while (!pending.isEmpty() && pending.peek().at <= deadlineNanos) {
      Pending next = pending.poll();
      now = Math.max(now, next.at);
      next.future.complete(new Reply(200, Reply.UNCACHED));
    }
    now = Math.max(now, deadlineNanos);
  }

  @Override
  public CompletableFuture<Reply> send(LoadRequest request) {
    sends++;
    if (sends == blockingSend) {
      now += blockNanos;
    }
    long start = Math.max(now, serverFreeAt);
    if (start >= pauseFrom && start < pauseUntil) {
      start = pauseUntil;
    }
    long done = start + serviceNanos;
    serverFreeAt = done;
    CompletableFuture<Reply> future = new CompletableFuture<>();
    pending.add(new Pending(done, sequence++, future));
    return future;
  }
}
