package com.expat.search.indexer.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.testing.amqp.RabbitMq;
import com.expat.search.testing.net.TcpProxy;
import com.expat.search.testing.amqp.RabbitMqExtension;
import com.expat.search.testing.db.MariaDbExtension;
import com.expat.search.testing.db.TestDatabase;
import com.expat.search.testing.solr.SolrCores;
import com.expat.search.testing.solr.SolrExtension;
import com.rabbitmq.client.Channel;
import java.net.URI;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.solr.client.solrj.SolrQuery;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The real indexer process ({@code java -jar indexer.jar index}, as {@code bin/expat-search index}
 * runs it) against real Solr, MariaDB and RabbitMQ: stopped by SIGTERM mid-stream and started
 * again; stopped by SIGTERM while the batch in hand is retrying; cut off from RabbitMQ mid-stream.
 * It exits with 143 after draining, nothing is lost, nothing is dead-lettered.
 */
@ExtendWith({SolrExtension.class, RabbitMqExtension.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IndexerProcessIT {
  @RegisterExtension static final MariaDbExtension DB = MariaDbExtension.withSchema("db/schema.sql");

  /** SIGTERM's exit status (128 + 15), as for every expat-search process (solr-config/README.md). */
  private static final int SIGTERM_EXIT = 143;
  private static final Duration GENEROUS = Duration.ofSeconds(90);

  static TestWorld world;

  @BeforeAll
  static void catalog(TestDatabase db) throws Exception {
    world = new TestWorld(db.dataSource(), new Random(3));
    world.createCatalog();
  }

  @Test
  @Order(1)
  void sigtermMidStreamDrainsTheBatchInHandExitsCleanlyAndARestartConvergesLosingNothing(
      TestDatabase db, SolrCores solr, RabbitMq rabbit) throws Exception {
    try (IndexerProcess first = IndexerProcess.start("sigterm-first", rabbit, db, solr)) {
      first.awaitReady(GENEROUS); // the topology is declared: publishing can start
      try (Publisher publisher = Publisher.start(rabbit)) {
        // Batches are in flight once the indexer has applied part of a stream that keeps coming.
        awaitIndexed(solr, 60);
        first.terminate();
        assertThat(first.awaitExit(Duration.ofSeconds(60))).as("exit status after SIGTERM").isEqualTo(SIGTERM_EXIT);
        assertThat(first.log())
            .contains("stopping: finishing the batch in hand", "indexer stopped")
            .doesNotContain("not applied", "Exception");
        publisher.publishAtLeast(40); // while no indexer runs
      }
    }
    try (IndexerProcess second = IndexerProcess.start("sigterm-second", rabbit, db, solr)) {
      second.awaitReady(GENEROUS);
      awaitConvergedAndDrained(db, solr, rabbit);
      second.terminate();
      assertThat(second.awaitExit(Duration.ofSeconds(60))).as("exit status after SIGTERM").isEqualTo(SIGTERM_EXIT);
    }
  }

  @Test
  @Order(2)
  void sigtermWhileTheBatchInHandIsRetryingFinishesAndAcknowledgesItOnceSolrAnswersWithinTheDrain(
      TestDatabase db, SolrCores solr, RabbitMq rabbit) throws Exception {
    TestWorld.Message created = world.insertMember().get(0);
    String id = created.body().replaceAll(".*\"id\":(\\d+).*", "$1");
    URI base = URI.create(solr.baseUrl());
    try (TcpProxy proxy = new TcpProxy(base.getHost(), base.getPort());
        IndexerProcess indexer = IndexerProcess.start("sigterm-retrying", rabbit.uri(),
            "http://127.0.0.1:" + proxy.port() + base.getPath(), rabbit, db, solr);
        Channel channel = rabbit.connection().createChannel()) {
      indexer.awaitReady(GENEROUS);
      proxy.cut();
      created.publish(channel, rabbit.exchange());
      // Not ready: the batch holding that one message is in hand and failing.
      indexer.awaitReadiness(GENEROUS, status -> status == 503, "reported the failing batch on /health/ready");
      indexer.terminate();
      indexer.awaitLog("stopping: finishing the batch in hand", GENEROUS);
      proxy.restore();
      assertThat(indexer.awaitExit(Duration.ofSeconds(60))).as("exit status after SIGTERM").isEqualTo(SIGTERM_EXIT);
      assertThat(indexer.log()).contains("indexer stopped").doesNotContain("not applied");
    }
    // With no indexer left running: the change is indexed and its message was acknowledged.
    assertThat(solr.client().query(solr.members(), new SolrQuery("id:" + id).setRows(0)).getResults().getNumFound())
        .as("member " + id + " indexed during the drain").isEqualTo(1);
    assertThat(SyncFixture.depth(rabbit, rabbit.queue())).as("messages left in the queue").isZero();
    assertThat(SyncFixture.drainDeadLetters(rabbit)).as("dead letters").isEmpty();
    assertThat(IndexComparison.differences(db.dataSource(), solr.client(), solr.members(), solr.events())).isEmpty();
  }

  @Test
  @Order(3)
  void rabbitMqUnreachableMidStreamIsNotReadyThenReconnectsByItselfAndLosesNothing(
      TestDatabase db, SolrCores solr, RabbitMq rabbit) throws Exception {
    URI broker = rabbit.uri();
    try (TcpProxy proxy = new TcpProxy(broker.getHost(), broker.getPort() == -1 ? 5672 : broker.getPort());
        IndexerProcess indexer = IndexerProcess.start("rabbitmq-down", new URI(broker.getScheme(),
            broker.getUserInfo(), "127.0.0.1", proxy.port(), broker.getPath(), null, null), solr.baseUrl(), rabbit, db,
            solr)) {
      indexer.awaitReady(GENEROUS);
      try (Publisher publisher = Publisher.start(rabbit)) {
        long before = indexed(solr);
        awaitIndexed(solr, before + 20);
        proxy.cut();
        indexer.awaitReadiness(GENEROUS, status -> status == 503, "reported the outage on /health/ready");
        publisher.publishAtLeast(60); // straight to RabbitMQ, which the indexer cannot reach
        Thread.sleep(3_000); // and down a few seconds more: reconnection attempts are refused meanwhile
      }
      proxy.restore();
      indexer.awaitReady(GENEROUS);
      awaitConvergedAndDrained(db, solr, rabbit);
      assertThat(indexer.log()).as("log of the indexer").doesNotContain("TopologyRecoveryException");
      indexer.terminate();
      assertThat(indexer.awaitExit(Duration.ofSeconds(60))).as("exit status after SIGTERM").isEqualTo(SIGTERM_EXIT);
    }
  }

  private static void awaitConvergedAndDrained(TestDatabase db, SolrCores solr, RabbitMq rabbit) throws Exception {
    SyncFixture.awaitConverged(GENEROUS,
        () -> IndexComparison.differences(db.dataSource(), solr.client(), solr.members(), solr.events()));
    assertThat(SyncFixture.drainDeadLetters(rabbit)).as("dead letters").isEmpty();
    long deadline = System.nanoTime() + GENEROUS.toNanos();
    while (SyncFixture.depth(rabbit, rabbit.queue()) > 0 && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertThat(SyncFixture.depth(rabbit, rabbit.queue())).as("messages left in the queue").isZero();
  }

  private static void awaitIndexed(SolrCores solr, long atLeast) throws Exception {
    long deadline = System.nanoTime() + GENEROUS.toNanos();
    long indexed;
    while ((indexed = indexed(solr)) < atLeast) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("only " + indexed + " documents indexed, waited for " + atLeast);
      }
      Thread.sleep(50);
    }
  }

  /** Member and event documents in the index, tombstones included. */
  private static long indexed(SolrCores solr) throws Exception {
    SolrQuery all = new SolrQuery("*:*").setRows(0);
    return solr.client().query(solr.members(), all).getResults().getNumFound()
        + solr.client().query(solr.events(), all).getResults().getNumFound();
  }

  /**
   * The website changing rows and publishing their messages straight to RabbitMQ, without pause,
   * on a thread of its own until closed.
   */
  private static final class Publisher implements AutoCloseable {
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger published = new AtomicInteger();
    private final CompletableFuture<Void> done;

    private Publisher(RabbitMq rabbit) {
      ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "website"));
      done = CompletableFuture.runAsync(() -> {
        try (Channel channel = rabbit.connection().createChannel()) {
          channel.confirmSelect();
          while (running.get()) {
            for (TestWorld.Message message : world.randomChange()) {
              message.publish(channel, rabbit.exchange());
            }
            channel.waitForConfirmsOrDie(10_000);
            published.incrementAndGet();
          }
        } catch (Exception e) {
          throw new IllegalStateException("publishing failed", e);
        }
      }, thread);
      thread.shutdown();
    }

    static Publisher start(RabbitMq rabbit) {
      return new Publisher(rabbit);
    }

    /** Returns once {@code changes} more changes are in MariaDB and their messages with the broker. */
    void publishAtLeast(int changes) throws Exception {
      int target = published.get() + changes;
      long deadline = System.nanoTime() + GENEROUS.toNanos();
      while (published.get() < target) {
        assertThat(done).as("publisher").isNotDone();
        if (System.nanoTime() > deadline) {
          throw new AssertionError("only " + published.get() + " changes published, waited for " + target);
        }
        Thread.sleep(20);
      }
    }

    @Override
    public void close() throws Exception {
      running.set(false);
      done.get(60, TimeUnit.SECONDS);
    }
  }
}
