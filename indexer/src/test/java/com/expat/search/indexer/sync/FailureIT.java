package com.expat.search.indexer.sync;

import com.expat.search.common.solr.SolrClients;
import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.common.solr.SolrSettings;
import com.expat.search.testing.amqp.RabbitMq;
import com.expat.search.testing.net.TcpProxy;
import com.expat.search.testing.amqp.RabbitMqExtension;
import com.expat.search.testing.db.MariaDbExtension;
import com.expat.search.testing.db.TestDatabase;
import com.expat.search.testing.solr.SolrCores;
import com.expat.search.testing.solr.SolrExtension;
import com.rabbitmq.client.Channel;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.time.Duration;
import java.util.Random;
import org.apache.solr.client.solrj.SolrClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Passing failures: Solr or MariaDB unreachable mid-stream (a TCP proxy the test cuts), the
 * indexer killed and restarted. Nothing is lost, nothing is dead-lettered.
 */
@ExtendWith({SolrExtension.class, RabbitMqExtension.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FailureIT {
  @RegisterExtension static final MariaDbExtension DB = MariaDbExtension.withSchema("db/schema.sql");

  static TestWorld world;

  @BeforeAll
  static void catalog(TestDatabase db) throws Exception {
    world = new TestWorld(db.dataSource(), new Random(99));
    world.createCatalog();
  }

  private static void publishChanges(RabbitMq rabbit, int changes) throws Exception {
    try (Channel channel = rabbit.connection().createChannel()) {
      for (int i = 0; i < changes; i++) {
        for (TestWorld.Message message : world.randomChange()) {
          message.publish(channel, rabbit.exchange());
        }
      }
    }
  }

  private static void awaitConverged(TestDatabase db, SolrCores solr) throws Exception {
    SyncFixture.awaitConverged(Duration.ofSeconds(90),
        () -> IndexComparison.differences(db.dataSource(), solr.client(), solr.members(), solr.events()));
  }

  @Test
  @Order(1)
  void solrStoppedMidStreamThenStartedLosesNothingAndDeadLettersNothing(
      TestDatabase db, SolrCores solr, RabbitMq rabbit) throws Exception {
    URI base = URI.create(solr.baseUrl());
    try (TcpProxy proxy = new TcpProxy(base.getHost(), base.getPort());
        SolrClient viaProxy = SolrClients.create(SolrSettings.at(
            URI.create("http://127.0.0.1:" + proxy.port() + base.getPath())));
        var indexer = SyncFixture.start(rabbit, db.dataSource(), viaProxy, solr.members(), solr.events())) {
      publishChanges(rabbit, 40);
      Thread.sleep(300);
      proxy.cut();
      publishChanges(rabbit, 60);
      Thread.sleep(3_000);
      assertThat(indexer.sync().ready()).as("not ready while Solr is down").isFalse();
      proxy.restore();
      awaitConverged(db, solr);
      assertThat(SyncFixture.drainDeadLetters(rabbit)).isEmpty();
      assertThat(indexer.registry().get("indexer.retries").counter().count()).isPositive();
      assertThat(indexer.sync().ready()).isTrue();
    }
  }

  @Test
  @Order(2)
  void mariaDbUnavailableMidStreamLosesNothingAndDeadLettersNothing(
      TestDatabase db, SolrCores solr, RabbitMq rabbit) throws Exception {
    URI jdbc = URI.create(db.jdbcUrl().substring("jdbc:".length()));
    try (TcpProxy proxy = new TcpProxy(jdbc.getHost(), jdbc.getPort());
        HikariDataSource viaProxy = pool(db.jdbcUrl().replace(":" + jdbc.getPort() + "/", ":" + proxy.port() + "/"));
        var indexer = SyncFixture.start(rabbit, viaProxy, solr.client(), solr.members(), solr.events())) {
      publishChanges(rabbit, 40);
      Thread.sleep(300);
      proxy.cut();
      publishChanges(rabbit, 60);
      Thread.sleep(4_000);
      proxy.restore();
      awaitConverged(db, solr);
      assertThat(SyncFixture.drainDeadLetters(rabbit)).isEmpty();
      assertThat(indexer.registry().get("indexer.retries").counter().count()).isPositive();
    }
  }

  @Test
  @Order(3)
  void indexerKilledMidStreamAndRestartedLosesNothing(TestDatabase db, SolrCores solr, RabbitMq rabbit)
      throws Exception {
    var first = SyncFixture.start(rabbit, db.dataSource(), solr.client(), solr.members(), solr.events());
    publishChanges(rabbit, 150);
    Thread.sleep(150);
    first.kill();
    publishChanges(rabbit, 50);
    try (var second = SyncFixture.start(rabbit, db.dataSource(), solr.client(), solr.members(), solr.events())) {
      awaitConverged(db, solr);
      assertThat(SyncFixture.drainDeadLetters(rabbit)).isEmpty();
    }
  }

  private static HikariDataSource pool(String url) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername("root");
    config.setPassword(System.getenv().getOrDefault("DB_PASSWORD", ""));
    config.setMaximumPoolSize(2);
    config.setConnectionTimeout(1_000);
    config.setInitializationFailTimeout(-1);
    return new HikariDataSource(config);
  }
}
