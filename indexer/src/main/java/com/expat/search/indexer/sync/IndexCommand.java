package com.expat.search.indexer.sync;

import com.expat.search.common.solr.SolrClients;
import com.expat.search.common.config.Env;
import com.expat.search.common.solr.SolrSettings;
import com.expat.search.indexer.ops.OpsServer;
import com.expat.search.indexer.solr.IndexAdmin;
import com.expat.search.indexer.solr.SolrSearchIndex;
import com.expat.search.indexer.source.DbSettings;
import com.expat.search.indexer.source.RowSources;
import com.rabbitmq.client.Connection;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.io.IOException;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.solr.client.solrj.SolrClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/**
 * {@code index}: the live sync, until SIGTERM. The composition root of the indexer process: reads
 * and checks its configuration, builds the Hikari pool, the Solr client and the AMQP connection,
 * and hands them to {@link LiveSync} and the health/metrics server.
 *
 * <p>SIGTERM stops consuming, lets the batch in hand finish (at most {@code INDEXER_DRAIN_S}),
 * closes every client, and the process exits with status 143 (128 + SIGTERM), as every
 * expat-search process does; whatever was not acknowledged is redelivered to the next indexer.
 */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    usageHelpWidth = 120,
    description = {
      "Consume expat.changes and keep Solr in sync with MariaDB, until SIGTERM: then it stops consuming,",
      "finishes the batch in hand (INDEXER_DRAIN_S), closes its connections and exits with status 143.",
      "",
      "Environment:",
      "  SOLR_ZK_HOSTS             SolrCloud's ZooKeeper (e.g. 127.0.0.1:9983), enough alone: updates go to shard",
      "                            leaders, rebuild collections are listed through the Collections API",
      "  SOLR_URL                  Solr node, without SOLR_ZK_HOSTS (the launcher sets it to the bundled Solr)",
      "  SOLR_CONNECT_TIMEOUT_MS, SOLR_REQUEST_TIMEOUT_MS   Solr time limits (500, 2000)",
      "  DB_URL, DB_USER, DB_PASSWORD   MariaDB (jdbc:mariadb://127.0.0.1:3306/expat, root, empty)",
      "  DB_POOL_SIZE              connections to MariaDB (4)",
      "  AMQP_URI                  RabbitMQ (amqp://guest:guest@127.0.0.1:5672/)",
      "  INDEXER_HTTP_PORT         /health/live, /health/ready, /metrics (8081)",
      "  INDEXER_BATCH_SIZE        most messages per Solr update (500)",
      "  INDEXER_LINGER_MS         how long a batch waits to fill (20)",
      "  INDEXER_PREFETCH          unacknowledged messages in flight (2 x batch size)",
      "  INDEXER_RETRY_BASE_MS, INDEXER_RETRY_MAX_MS   backoff of passing failures (100, 30000)",
      "  INDEXER_CATALOG_REFRESH_S cities/interests cache lifetime (300)",
      "  INDEXER_DISCOVERY_MS      how often rebuild cores are looked for (5000)",
      "  INDEXER_DRAIN_S           on SIGTERM, time allowed to finish the batch in hand (30)",
      "  EXPAT_MEMBERS_CORE, EXPAT_EVENTS_CORE   core names (members, events)",
      "  AMQP_EXCHANGE, INDEXER_QUEUE, INDEXER_DLX, INDEXER_DEAD_QUEUE, INVALIDATION_EXCHANGE",
      "                            RabbitMQ names (expat.changes, search-indexer, search-indexer.dlx,",
      "                            search-indexer.dead, expat.search.invalidations)"
    })
public final class IndexCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(IndexCommand.class);

  @Override
  public Integer call() throws InterruptedException {
    Env env = Env.system();
    SyncSettings settings = SyncSettings.from(env);
    Topology topology = Topology.from(env);
    DbSettings db = DbSettings.from(env);
    SolrSettings solr = SolrSettings.from(env);
    Clock clock = Clock.systemUTC();
    Random random = new Random();

    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    CountDownLatch stopRequested = new CountDownLatch(1);
    CountDownLatch finished = new CountDownLatch(1);
    AtomicReference<LiveSync> sync = new AtomicReference<>();
    Thread main = Thread.currentThread();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      if (sync.get() == null) {
        main.interrupt(); // still connecting
      }
      stopRequested.countDown();
      try {
        // The JVM halts when the hooks return: wait for the drain and the clean close.
        finished.await(settings.drain().toMillis() + 15_000, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "indexer-shutdown"));
    try (HikariDataSource pool = RowSources.pool(db, "indexer");
        SolrClient client = SolrClients.create(solr);
        OpsServer ops = OpsServer.start(settings.httpPort(), () -> sync.get() != null && sync.get().ready(), registry);
        Connection connection = AmqpConnector.connect(
            AmqpConnector.factory(settings.amqpUri()), "expat-search-indexer", settings.backoff(), random)) {
      LOG.info("health and metrics on port {}", ops.port());
      LiveSync live = new LiveSync(connection, RowSources.mariaDb(pool), new SolrSearchIndex(client),
          IndexAdmin.forSolr(solr, client), settings, topology, registry, clock, random);
      sync.set(live);
      live.start();
      LOG.info("consuming {} (batches of up to {})", topology.queue(), settings.batchSize());
      // Uninterruptibly: the hook interrupts this thread while it connects, and a SIGTERM that
      // lands just after the connection was made must still drain and close, not abandon the sync.
      awaitUninterruptibly(stopRequested);
      LOG.info("stopping: finishing the batch in hand (at most {} s)", settings.drain().toSeconds());
      live.stop(settings.drain());
      return 0;
    } catch (IOException e) {
      throw new SyncException("error while closing: " + e.getMessage(), e);
    } finally {
      registry.close();
      LOG.info("indexer stopped");
      finished.countDown();
    }
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    while (true) {
      try {
        latch.await();
        return;
      } catch (InterruptedException e) {
        // only ever the shutdown hook, which counts the latch down right after
      }
    }
  }
}
