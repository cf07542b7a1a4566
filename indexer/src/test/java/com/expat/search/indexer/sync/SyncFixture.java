package com.expat.search.indexer.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.indexer.solr.SearchIndex;
import com.expat.search.indexer.solr.SolrIndexAdmin;
import com.expat.search.indexer.solr.SolrSearchIndex;
import com.expat.search.indexer.source.RowSources;
import com.expat.search.testing.amqp.RabbitMq;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.apache.solr.client.solrj.SolrClient;

/** Builds a live sync for a test class's services, with test-sized settings. */
final class SyncFixture {
  private SyncFixture() {}

  static Topology topology(RabbitMq rabbit) {
    return new Topology(rabbit.exchange(), rabbit.queue(), rabbit.deadLetterExchange(), rabbit.deadLetterQueue(),
        rabbit.invalidationExchange());
  }

  static SyncSettings settings(RabbitMq rabbit, String members, String events) {
    return new SyncSettings(rabbit.uri(), 50, Duration.ofMillis(20), 100, 0,
        new Backoff(Duration.ofMillis(50), Duration.ofMillis(800)), Duration.ofSeconds(2), Duration.ofMillis(300),
        Duration.ofSeconds(5), members, events);
  }

  /** Test-sized settings with batches of up to {@code batchSize} messages that wait {@code linger} to fill. */
  static SyncSettings settings(RabbitMq rabbit, String members, String events, int batchSize, Duration linger) {
    SyncSettings usual = settings(rabbit, members, events);
    return new SyncSettings(usual.amqpUri(), batchSize, linger, Math.max(usual.prefetch(), batchSize),
        usual.httpPort(), usual.backoff(), usual.catalogRefresh(), usual.discovery(), usual.drain(), members, events);
  }

  /** A started live sync with a connection of its own; close both. */
  static Running start(RabbitMq rabbit, DataSource db, SolrClient solr, String members, String events) {
    return start(rabbit, db, new SolrSearchIndex(solr), solr, settings(rabbit, members, events));
  }

  /** A started live sync that writes through {@code index}; close both. */
  static Running start(RabbitMq rabbit, DataSource db, SearchIndex index, SolrClient solr, SyncSettings settings) {
    SplittableRandom random = new SplittableRandom(7);
    Connection connection = AmqpConnector.connect(AmqpConnector.factory(rabbit.uri()), "test-indexer",
        settings.backoff(), random);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    LiveSync sync = new LiveSync(connection, RowSources.mariaDb(db), index, new SolrIndexAdmin(solr),
        settings, topology(rabbit), registry, Clock.systemUTC(), random);
    sync.start();
    return new Running(connection, sync, registry);
  }

  record Running(Connection connection, LiveSync sync, SimpleMeterRegistry registry) implements AutoCloseable {
    @Override
    public void close() throws java.io.IOException {
      sync.stop(Duration.ofSeconds(5));
      if (connection.isOpen()) {
        connection.close();
      }
    }

    /** A kill: the connection drops without a goodbye, nothing in flight is acknowledged. */
    void kill() {
      connection.abort();
      sync.stop(Duration.ZERO);
    }
  }

  /** Every message of the dead-letter queue (consumed). */
  static List<GetResponse> drainDeadLetters(RabbitMq rabbit) throws Exception {
    List<GetResponse> dead = new ArrayList<>();
    try (Channel channel = rabbit.connection().createChannel()) {
      GetResponse response;
      while ((response = channel.basicGet(rabbit.deadLetterQueue(), true)) != null) {
        dead.add(response);
      }
    }
    return dead;
  }

  static long depth(RabbitMq rabbit, String queue) throws Exception {
    try (Channel channel = rabbit.connection().createChannel()) {
      return channel.messageCount(queue);
    }
  }

  /** Polls {@code differences} until it is empty, or fails with the last ones. */
  static void awaitConverged(Duration timeout, Callable<List<String>> differences) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<String> last = List.of();
    while (System.nanoTime() < deadline) {
      last = differences.call();
      if (last.isEmpty()) {
        return;
      }
      Thread.sleep(500);
    }
    assertThat(last).as("index differs from the database").isEmpty();
  }
}
