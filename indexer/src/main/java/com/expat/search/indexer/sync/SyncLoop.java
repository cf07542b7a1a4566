package com.expat.search.indexer.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live sync's worker: takes a batch from the {@link ChangeSource}, processes it until it
 * succeeds (retrying passing failures with backoff and jitter, never dead-lettering them), then
 * acknowledges it, settling each message exactly once. One thread runs {@link #run()};
 * {@link #stop} may be called from any other.
 */
final class SyncLoop implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(SyncLoop.class);

  private final ChangeSource source;
  private final BatchProcessor processor;
  private final InvalidationSink invalidations;
  private final int batchSize;
  private final Duration linger;
  private final Backoff backoff;
  private final RandomGenerator random;
  private final SyncMetrics metrics;
  private final Clock clock;
  private final Object signal = new Object();
  private volatile boolean stopping;
  private volatile Instant drainDeadline = Instant.MAX;
  private volatile boolean failing;

  SyncLoop(ChangeSource source, BatchProcessor processor, InvalidationSink invalidations, int batchSize,
      Duration linger, Backoff backoff, RandomGenerator random, SyncMetrics metrics, Clock clock) {
    this.source = source;
    this.processor = processor;
    this.invalidations = invalidations;
    this.batchSize = batchSize;
    this.linger = linger;
    this.backoff = backoff;
    this.random = random;
    this.metrics = metrics;
    this.clock = clock;
  }

  @Override
  public void run() {
    while (!stopping) {
      List<Received> batch;
      try {
        batch = source.poll(batchSize, linger);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (!batch.isEmpty()) {
        handle(batch);
      }
    }
  }

  /**
   * Asks the loop to finish the batch in hand and return; a batch still failing at
   * {@code deadline} is left unacknowledged, to be redelivered.
   */
  void stop(Instant deadline) {
    drainDeadline = deadline;
    stopping = true;
    synchronized (signal) {
      signal.notifyAll();
    }
  }

  /** False while the batch in hand keeps failing (Solr or MariaDB unavailable). */
  boolean healthy() {
    return !failing;
  }

  /**
   * Applies the batch until it succeeds. Each message is settled (acknowledged or dead-lettered)
   * exactly once: an attempt that fails after part of the batch was dead-lettered is retried with
   * the rest only, as a second settlement of one delivery would make the broker close the
   * consumer's channel (PRECONDITION_FAILED, unknown delivery tag).
   */
  void handle(List<Received> batch) {
    Set<Received> settled = Collections.newSetFromMap(new IdentityHashMap<>());
    long started = System.nanoTime();
    String batchId = UUID.randomUUID().toString();
    for (int attempt = 0; ; attempt++) {
      List<Received> pending = new ArrayList<>(batch.size());
      for (Received received : batch) {
        if (!settled.contains(received)) {
          pending.add(received);
        }
      }
      Coalesced coalesced = Coalesced.of(pending);
      try {
        BatchProcessor.Outcome outcome = processor.processAnnounced(batchId, coalesced.ids(Entity.MEMBER),
            coalesced.ids(Entity.EVENT), invalidations);
        List<Received> done = new ArrayList<>(pending.size());
        for (ParsedMessage.Change change : coalesced.changes()) {
          String reason = outcome.rejected().get(change.key());
          if (reason != null) {
            // Counted before the dead letter is published: whoever sees the dead letter sees the count.
            metrics.rowRejected(change.key().entity());
          }
          for (Received received : coalesced.receipts(change.key())) {
            if (reason == null) {
              done.add(received);
            } else {
              boolean deadLettered = source.deadLetter(received, reason);
              settled.add(received);
              if (deadLettered) {
                metrics.deadLettered();
              }
            }
          }
        }
        settled.addAll(done);
        long acknowledging = System.nanoTime();
        source.acknowledge(done);
        metrics.stage(BatchStage.ACK, System.nanoTime() - acknowledging);
        failing = false;
        metrics.batchApplied(done.size(), coalesced.rows(), Duration.ofNanos(System.nanoTime() - started),
            coalesced.newestOccurredAt());
        logRejected(outcome.rejected());
        return;
      } catch (RuntimeException e) {
        failing = true;
        metrics.retried();
        if (stopping && !clock.instant().isBefore(drainDeadline)) {
          LOG.warn("stopping with a batch of {} messages not applied ({}); RabbitMQ redelivers them",
              batch.size(), e.getMessage());
          return;
        }
        Duration wait = backoff.delay(attempt, random);
        LOG.warn("batch of {} rows failed (attempt {}), retrying in {} ms: {}",
            coalesced.rows(), attempt + 1, wait.toMillis(), e.getMessage());
        pause(wait);
      }
    }
  }

  private void pause(Duration wait) {
    long until = System.nanoTime() + wait.toNanos();
    synchronized (signal) {
      long left;
      while ((left = until - System.nanoTime()) > 0) {
        if (stopping) {
          long toDeadline = Duration.between(clock.instant(), drainDeadline).toNanos();
          if (toDeadline <= 0) {
            return;
          }
          left = Math.min(left, toDeadline);
        }
        try {
          signal.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private static void logRejected(Map<ParsedMessage.Key, String> rejected) {
    rejected.values().forEach(reason -> LOG.error("dead-lettered: {}", reason));
  }
}
