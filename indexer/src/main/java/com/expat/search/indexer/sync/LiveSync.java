package com.expat.search.indexer.sync;

import com.expat.search.indexer.solr.IndexAdmin;
import com.expat.search.indexer.solr.SearchIndex;
import com.expat.search.indexer.source.RowReader;
import com.expat.search.indexer.source.RowSources;
import com.rabbitmq.client.Connection;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * The live sync assembled from its parts: an AMQP change source, the batch processor over
 * MariaDB and Solr, the invalidation notices and the worker thread. Built by {@link IndexCommand}
 * (and by tests) from clients it does not own: closing it leaves the connection, pool and Solr
 * client open.
 */
final class LiveSync implements AutoCloseable {
  private final Connection connection;
  private final AmqpChangeSource source;
  private final AmqpInvalidations invalidations;
  private final SyncLoop loop;
  private final Clock clock;
  private final Thread worker;

  LiveSync(Connection connection, RowReader rows, SearchIndex index, IndexAdmin admin, SyncSettings settings,
      Topology topology, MeterRegistry registry, Clock clock, RandomGenerator random) {
    this.connection = connection;
    this.clock = clock;
    AmqpChangeSource[] backlogOf = new AmqpChangeSource[1];
    SyncMetrics metrics = new SyncMetrics(registry, clock,
        () -> backlogOf[0] == null ? -1 : backlogOf[0].backlog());
    this.source = new AmqpChangeSource(connection, topology, settings.prefetch(), metrics);
    backlogOf[0] = source;
    this.invalidations = new AmqpInvalidations(connection, topology.invalidationExchange(),
        metrics::invalidationNotConfirmed);
    IndexTargets targets = new IndexTargets(
        admin, settings.membersCore(), settings.eventsCore(), settings.discovery(), clock);
    BatchProcessor processor = new BatchProcessor(
        RowSources.withCachedCatalog(rows, settings.catalogRefresh(), clock), index, targets, clock, metrics);
    this.loop = new SyncLoop(source, processor, invalidations, settings.batchSize(), settings.linger(),
        settings.backoff(), random, metrics, clock);
    this.worker = new Thread(loop, "indexer-sync");
  }

  /** Declares the topology and starts consuming and applying. */
  void start() {
    source.start();
    worker.start();
  }

  /**
   * Connected; a consumer registered on an open channel (not closed or cancelled by the broker);
   * every poison message dead-lettered; the batch in hand (if any) not failing; the last
   * invalidation notice confirmed.
   */
  boolean ready() {
    return connection.isOpen() && worker.isAlive() && source.healthy() && loop.healthy() && invalidations.healthy();
  }

  /** The change source, for tests that need to reach its consumer's channel. */
  AmqpChangeSource source() {
    return source;
  }

  /**
   * Stops taking messages, lets the batch in hand finish (for at most {@code drain}), and closes
   * the channels; unacknowledged messages go back to the queue.
   */
  void stop(Duration drain) {
    source.stopConsuming();
    loop.stop(clock.instant().plus(drain));
    try {
      worker.join(drain.toMillis() + 5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    source.close();
    invalidations.close();
  }

  @Override
  public void close() {
    stop(Duration.ofSeconds(5));
  }
}
