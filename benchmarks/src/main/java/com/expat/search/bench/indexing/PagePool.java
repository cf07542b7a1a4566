package com.expat.search.bench.indexing;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Pages handled {@code threads} at a time with at most {@code 2 x threads} in flight, as the
 * rebuild's loader does (Reindexer.load), so that the plain load and the export keep the same
 * concurrency and constant memory. One producer thread submits; the first failure stops it.
 */
final class PagePool implements AutoCloseable {
  private final ExecutorService pool;
  private final Semaphore inFlight;
  private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

  PagePool(int threads, String name) {
    this.pool = Executors.newFixedThreadPool(threads, runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    });
    this.inFlight = new Semaphore(2 * threads);
  }

  /** True while no page failed; the producer stops when false. */
  boolean healthy() {
    return failure.get() == null;
  }

  /** Runs {@code page} when a slot is free (blocks until then). */
  void submit(Runnable page) throws InterruptedException {
    inFlight.acquire();
    pool.execute(() -> {
      try {
        page.run();
      } catch (RuntimeException e) {
        failure.compareAndSet(null, e);
      } finally {
        inFlight.release();
      }
    });
  }

  /** Waits for every submitted page; rethrows the first failure. */
  void finish() throws InterruptedException {
    pool.shutdown();
    if (!pool.awaitTermination(2, TimeUnit.HOURS)) {
      throw new IllegalStateException("pages did not finish within two hours");
    }
    if (failure.get() != null) {
      throw failure.get();
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
