package com.expat.search.indexer.sync;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * The live sync's numbers (names as Prometheus shows them): {@code indexer_messages_processed_total},
 * {@code indexer_batch_rows}, {@code indexer_batch_seconds}, {@code indexer_dead_lettered_total},
 * {@code indexer_retries_total}, {@code indexer_queue_depth} (consumer lag),
 * {@code indexer_change_age_seconds} (now minus the {@code occurred_at} of the newest change
 * applied), {@code indexer_publish_failures_total} (by {@code channel}: {@code invalidations},
 * {@code dead-letters}; publishes the broker did not confirm, after which the channel is reopened)
 * and {@code indexer_consumer_restarts_total} (the consumer re-established after its channel was
 * closed or the broker cancelled it), {@code indexer_batch_stage_seconds} (by {@code stage}: the
 * steps of {@link BatchStage}). Thread-safe.
 */
final class SyncMetrics {
  private final Counter processed;
  private final DistributionSummary batchRows;
  private final Timer batchTime;
  private final Counter deadLettered;
  private final Counter retries;
  private final Counter invalidationFailures;
  private final Counter deadLetterFailures;
  private final Counter consumerRestarts;
  private final Counter rejectedMembers;
  private final Counter rejectedEvents;
  private final AtomicReference<Instant> newestApplied = new AtomicReference<>();
  private final Map<BatchStage, Timer> stages = new EnumMap<>(BatchStage.class);

  SyncMetrics(MeterRegistry registry, Clock clock, LongSupplier queueDepth) {
    processed = Counter.builder("indexer.messages.processed")
        .description("change messages applied to the index and acknowledged").register(registry);
    batchRows = DistributionSummary.builder("indexer.batch.rows")
        .description("distinct rows per batch").publishPercentiles(0.5, 0.99).register(registry);
    batchTime = Timer.builder("indexer.batch")
        .description("read, write and commit time of a batch, retries included")
        .publishPercentiles(0.5, 0.99).register(registry);
    deadLettered = Counter.builder("indexer.dead.lettered")
        .description("messages sent to the dead-letter queue").register(registry);
    retries = Counter.builder("indexer.retries")
        .description("batch attempts that failed for a passing reason").register(registry);
    invalidationFailures = publishFailures(registry, "invalidations");
    deadLetterFailures = publishFailures(registry, "dead-letters");
    consumerRestarts = Counter.builder("indexer.consumer.restarts")
        .description("consumer re-established after its channel was closed or the broker cancelled it")
        .register(registry);
    for (BatchStage stage : BatchStage.values()) {
      stages.put(stage, Timer.builder("indexer.batch.stage").tag("stage", stage.tag())
          .description("time of one step of a batch, per attempt").publishPercentiles(0.5, 0.99).register(registry));
    }
    rejectedMembers = rejected(registry, Entity.MEMBER);
    rejectedEvents = rejected(registry, Entity.EVENT);
    Gauge.builder("indexer.queue.depth", queueDepth, supplier -> supplier.getAsLong())
        .description("messages waiting in the queue (consumer lag); -1 when unknown").register(registry);
    Gauge.builder("indexer.change.age", this, metrics -> metrics.ageSeconds(clock))
        .description("seconds since the newest applied change occurred").baseUnit("seconds").register(registry);
  }

  void batchApplied(int messages, int rows, Duration took, Instant newestOccurredAt) {
    processed.increment(messages);
    batchRows.record(rows);
    batchTime.record(took);
    if (newestOccurredAt != null) {
      newestApplied.accumulateAndGet(newestOccurredAt,
          (old, now) -> old == null || now.isAfter(old) ? now : old);
    }
  }

  /** One step of a batch took {@code nanos}. */
  void stage(BatchStage stage, long nanos) {
    stages.get(stage).record(nanos, TimeUnit.NANOSECONDS);
  }

  void deadLettered() {
    deadLettered.increment();
  }

  /** A row the mapping or Solr refused (a data bug): dead-lettered, not indexed. */
  void rowRejected(Entity entity) {
    (entity == Entity.MEMBER ? rejectedMembers : rejectedEvents).increment();
  }

  void retried() {
    retries.increment();
  }

  void invalidationNotConfirmed() {
    invalidationFailures.increment();
  }

  void deadLetterNotConfirmed() {
    deadLetterFailures.increment();
  }

  void consumerRestarted() {
    consumerRestarts.increment();
  }

  private static Counter rejected(MeterRegistry registry, Entity entity) {
    return Counter.builder("indexer.rows.rejected").tag("entity", entity.wire())
        .description("rows the mapping or Solr refused (data to fix): dead-lettered, not indexed; verify lists them")
        .register(registry);
  }

  private static Counter publishFailures(MeterRegistry registry, String channel) {
    return Counter.builder("indexer.publish.failures").tag("channel", channel)
        .description("publishes the broker did not confirm; the channel is reopened for the next one")
        .register(registry);
  }

  private double ageSeconds(Clock clock) {
    Instant newest = newestApplied.get();
    return newest == null ? Double.NaN : Duration.between(newest, clock.instant()).toMillis() / 1000.0;
  }
}
