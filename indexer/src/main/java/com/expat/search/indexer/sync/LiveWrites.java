package com.expat.search.indexer.sync;

import com.expat.search.common.ExpatSearchException;
import com.expat.search.indexer.mapping.IndexChange;
import com.expat.search.indexer.solr.IndexAdmin;
import com.expat.search.indexer.solr.SearchIndex;
import com.expat.search.indexer.source.RowReader;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The live sync's write path for rows named by a tool rather than by messages ({@code verify
 * --repair}): the same read, mapping, versioned write to the live core and to every build core of
 * a running rebuild, soft commit and invalidation notice as a batch of change messages gets. So a
 * repair can never write an older version over a newer one, nor leave a query service's cache
 * showing what it repaired. Not thread-safe; one per tool run.
 */
public final class LiveWrites implements AutoCloseable {
  /** Rows per write: the live sync's default batch ({@code INDEXER_BATCH_SIZE}). */
  static final int BATCH = SyncSettings.DEFAULT_BATCH_SIZE;
  private static final int ATTEMPTS = 4;

  private final BatchProcessor processor;
  private final AmqpInvalidations invalidations;

  /**
   * @param notices the connection invalidation notices are published on, to
   *     {@code topology.invalidationExchange()}
   */
  public LiveWrites(RowReader rows, SearchIndex index, IndexAdmin admin, String membersCore, String eventsCore,
      Connection notices, Topology topology, Clock clock) {
    IndexTargets targets = new IndexTargets(admin, membersCore, eventsCore, Duration.ZERO, clock);
    // A tool run's step times go nowhere: it has no metrics endpoint.
    this.processor = new BatchProcessor(rows, index, targets, clock,
        new SyncMetrics(new SimpleMeterRegistry(), clock, () -> -1));
    declare(notices, topology.invalidationExchange());
    this.invalidations = new AmqpInvalidations(notices, topology.invalidationExchange(), () -> {});
  }

  /** The exchange, as the live sync declares it (idempotent): a notice to no exchange would fail. */
  private static void declare(Connection connection, String exchange) {
    try (Channel channel = connection.createChannel()) {
      channel.exchangeDeclare(exchange, "fanout", true);
    } catch (IOException | TimeoutException e) {
      throw new SyncException("cannot declare the exchange " + exchange + ": " + e.getMessage(), e);
    }
  }

  /**
   * What the index should hold for each of {@code ids}, without writing: the row's change (an
   * upsert with its version, or a delete when the row is gone or not indexed), or in
   * {@link Mapped#rejected} why the mapping refuses it.
   */
  public static Mapped map(RowReader rows, Entity entity, List<Long> ids) {
    Map<ParsedMessage.Key, String> rejected = new HashMap<>();
    Map<Long, IndexChange> changes = BatchProcessor.changes(rows, entity, ids, rows.catalog(), rejected);
    return new Mapped(changes, byId(rejected));
  }

  /**
   * Re-indexes {@code ids} of {@code entity} through the live write path, announced to the query
   * services as the live sync announces a batch (a pending notice, then what became visible).
   *
   * @return the rows that could not be indexed, with why (the mapping or Solr refused them)
   */
  public Map<Long, String> write(Entity entity, List<Long> ids) {
    Map<Long, String> rejected = new HashMap<>();
    for (int from = 0; from < ids.size(); from += BATCH) {
      List<Long> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
      rejected.putAll(byId(writeBatch(entity, batch).rejected()));
    }
    return rejected;
  }

  /**
   * One batch, retried like the live sync retries it (it is idempotent) but a few times only: a
   * tool should end, and say why, when Solr, MariaDB or RabbitMQ stays away.
   */
  private BatchProcessor.Outcome writeBatch(Entity entity, List<Long> batch) {
    String batchId = UUID.randomUUID().toString();
    for (int attempt = 1; ; attempt++) {
      try {
        return entity == Entity.MEMBER
            ? processor.processAnnounced(batchId, batch, List.of(), invalidations)
            : processor.processAnnounced(batchId, List.of(), batch, invalidations);
      } catch (ExpatSearchException e) {
        if (attempt >= ATTEMPTS) {
          throw e;
        }
        try {
          Thread.sleep(500L << attempt);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new SyncException("interrupted", interrupted);
        }
      }
    }
  }

  /** The rows' changes and the rows the mapping refuses, by id. */
  public record Mapped(Map<Long, IndexChange> changes, Map<Long, String> rejected) {}

  private static Map<Long, String> byId(Map<ParsedMessage.Key, String> rejected) {
    Map<Long, String> byId = new HashMap<>();
    rejected.forEach((key, reason) -> byId.put(key.id(), reason));
    return byId;
  }

  @Override
  public void close() {
    invalidations.close();
  }
}
