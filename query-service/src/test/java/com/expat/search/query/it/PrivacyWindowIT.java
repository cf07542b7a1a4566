package com.expat.search.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.common.solr.IndexNames;
import com.expat.search.indexer.generate.MariaDbWorldWriter;
import com.expat.search.indexer.generate.WorldGenerator;
import com.expat.search.indexer.generate.WorldSpec;
import com.expat.search.query.QueryServiceConfig;
import com.expat.search.testing.amqp.RabbitMq;
import com.expat.search.testing.amqp.RabbitMqExtension;
import com.expat.search.testing.db.MariaDbExtension;
import com.expat.search.testing.db.TestDatabase;
import com.expat.search.testing.net.TcpProxy;
import com.expat.search.testing.process.IndexerJvm;
import com.expat.search.testing.solr.SolrCores;
import com.expat.search.testing.solr.SolrExtension;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.solr.client.solrj.SolrQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Contract 4.1 seen from outside: once the indexer has made a block or a hide visible, no answer
 * shows the member again, cached or not. The real indexer runs as a process of its own, fed over
 * RabbitMQ like the website feeds it, the query service is called over HTTP; nothing is told to
 * anyone else. The indexer reaches RabbitMQ through a proxy that holds every packet a while, so
 * that its notices reach the query service late, as they may on a busy network or broker: a
 * cached answer may then not outlive the change however late the notice that follows the commit
 * arrives.
 *
 * <p>Each probe: a viewer's matches are cached with a member on them; the member blocks the viewer
 * or hides; then the cached request and uncached variants (another page size each time) are sent
 * in turn until the member has been gone from both for a while. A leak is an answer that shows the
 * member to a request sent after an uncached answer had already left them out.
 */
@ExtendWith({SolrExtension.class, RabbitMqExtension.class})
class PrivacyWindowIT {
  @RegisterExtension static final MariaDbExtension DB = MariaDbExtension.withSchema("db/schema.sql");

  private static final Duration NOTICE_DELAY = Duration.ofMillis(150);
  private static final int PROBES = 12;

  private static Process indexer;
  private static Path indexerLog;
  private static TcpProxy slowBroker;
  private static Api api;

  @BeforeAll
  static void start(TestDatabase db, SolrCores solr, RabbitMq rabbit) throws Exception {
    WorldSpec spec = new WorldSpec(400, 10, 5, Instant.parse("2026-11-27T12:00:00Z"));
    try (MariaDbWorldWriter writer = new MariaDbWorldWriter(db.dataSource(), new PrintStream(PrintStream.nullOutputStream()))) {
      new WorldGenerator(spec).generate(writer);
    }
    QueryServiceConfig config = Api.config(solr.baseUrl(),
            new IndexNames(solr.members(), solr.events(), solr.catalog()), Duration.ofSeconds(120))
        .withInvalidations(new QueryServiceConfig.Invalidations(rabbit.uri(), rabbit.invalidationExchange(),
            Duration.ofSeconds(2)));
    api = Api.start(config);
    slowBroker = new TcpProxy(rabbit.uri().getHost(), rabbit.uri().getPort());
    slowBroker.delay(NOTICE_DELAY);
    startIndexer(db, solr, rabbit, URI.create("amqp://guest:guest@127.0.0.1:" + slowBroker.port() + "/"));
    indexEveryMember(db, solr, rabbit);
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!api.service().invalidationFeedUp()) {
      assertThat(System.nanoTime()).as("invalidation feed up").isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (indexer != null && indexer.isAlive()) {
      indexer.destroy();
      if (!indexer.waitFor(40, TimeUnit.SECONDS)) {
        indexer.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
    if (slowBroker != null) {
      slowBroker.close();
    }
    if (api != null) {
      api.close();
    }
  }

  @Test
  void noAnswerShowsABlockingOrHiddenMemberOnceAnUncachedOneLeavesThemOut(TestDatabase db, RabbitMq rabbit)
      throws Exception {
    List<String> leaks = new ArrayList<>();
    int probes = 0;
    int uncachedSizes = 21;
    for (long viewer = 1; viewer <= 400 && probes < PROBES; viewer++) {
      Api.Response first = matches(viewer, 20);
      if (first.status() != 200 || first.ids().isEmpty()) {
        continue;
      }
      long shown = first.ids().get(0);
      awaitCached(viewer);
      boolean block = probes % 2 == 0;
      if (block) {
        sql(db, "INSERT IGNORE INTO member_blocks VALUES (" + shown + "," + viewer + ",UTC_TIMESTAMP(3))");
        bump(db, viewer);
        bump(db, shown);
        publish(rabbit, shown);
        publish(rabbit, viewer);
      } else {
        sql(db, "UPDATE members SET searchable = false WHERE id = " + shown);
        bump(db, shown);
        publish(rabbit, shown);
      }
      probes++;
      long goneSince = -1;
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (goneSince < 0 || System.nanoTime() - goneSince < Duration.ofMillis(3 * NOTICE_DELAY.toMillis() + 500).toNanos()) {
        assertThat(System.nanoTime()).as("member %d gone from uncached answers for %d within 30 s", shown, viewer)
            .isLessThan(deadline);
        for (int size : new int[] {20, uncachedSizes++ % 30 + 21}) {
          long sent = System.nanoTime();
          Api.Response answer = matches(viewer, size);
          assertThat(answer.status()).isEqualTo(200);
          boolean shows = answer.ids().contains(shown);
          if (shows && goneSince >= 0 && sent > goneSince) {
            leaks.add((block ? "block" : "hide") + ": member " + shown + " shown to " + viewer + " by a "
                + answer.header("X-Cache") + " answer (size " + size + ") sent "
                + (sent - goneSince) / 1_000_000 + " ms after an uncached answer left them out");
          }
          if (!shows && goneSince < 0 && "miss".equals(answer.header("X-Cache"))) {
            goneSince = System.nanoTime();
          }
        }
      }
    }
    assertThat(probes).as("probes made").isEqualTo(PROBES);
    assertThat(leaks).as("answers that showed a member after the change was visible; indexer log:%n%s", log())
        .isEmpty();
  }

  /** Asks again until the answer comes from the cache (notices of the world's indexing may still arrive). */
  private static void awaitCached(long viewer) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!"hit".equals(matches(viewer, 20).header("X-Cache"))) {
      assertThat(System.nanoTime()).as("matches of %d cached within 20 s", viewer).isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  private static Api.Response matches(long viewer, int size) {
    return api.get("/v1/members/" + viewer + "/matches", "size", Integer.toString(size));
  }

  private static void bump(TestDatabase db, long member) throws Exception {
    sql(db, "UPDATE members SET version = version + 1, updated_at = UTC_TIMESTAMP(3) WHERE id = " + member);
  }

  private static void sql(TestDatabase db, String statement) throws Exception {
    try (Connection connection = db.dataSource().getConnection(); Statement sql = connection.createStatement()) {
      sql.executeUpdate(statement);
    }
  }

  /** A change message as the website publishes it. */
  private static void publish(RabbitMq rabbit, long member) throws Exception {
    String body = "{\"entity\":\"member\",\"id\":" + member + ",\"version\":1,\"occurred_at\":\"" + Instant.now() + "\"}";
    try (Channel channel = rabbit.connection().createChannel()) {
      channel.exchangeDeclare(rabbit.exchange(), "topic", true);
      channel.basicPublish(rabbit.exchange(), "member.changed",
          new AMQP.BasicProperties.Builder().contentType("application/json").deliveryMode(2).build(),
          body.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** {@code IndexerMain index} in a JVM of its own, as bin/expat-search runs it. */
  private static void startIndexer(TestDatabase db, SolrCores solr, RabbitMq rabbit, URI amqp) throws Exception {
    IndexerJvm.Started started = IndexerJvm.start("privacy-window",
        List.of("-cp", System.getProperty("java.class.path"), "com.expat.search.indexer.IndexerMain", "index"),
        IndexerJvm.environment(amqp, solr.baseUrl(), rabbit, db, solr));
    indexer = started.process();
    indexerLog = started.log();
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (consumers(rabbit) == 0) {
      assertThat(indexer.isAlive()).as("indexer running; its log:%n%s", log()).isTrue();
      assertThat(System.nanoTime()).as("indexer consuming within 90 s; its log:%n%s", log()).isLessThan(deadline);
      Thread.sleep(200);
    }
  }

  /** Every member through the live sync, as if the website had just written them all. */
  private static void indexEveryMember(TestDatabase db, SolrCores solr, RabbitMq rabbit) throws Exception {
    long active;
    try (Connection connection = db.dataSource().getConnection(); Statement sql = connection.createStatement();
        ResultSet ids = sql.executeQuery("SELECT id FROM members")) {
      while (ids.next()) {
        publish(rabbit, ids.getLong(1));
      }
    }
    try (Connection connection = db.dataSource().getConnection(); Statement sql = connection.createStatement();
        ResultSet count = sql.executeQuery("SELECT COUNT(*) FROM members WHERE status = 'active'")) {
      count.next();
      active = count.getLong(1);
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (solr.client().query(solr.members(), new SolrQuery("*:*").setRows(0)).getResults().getNumFound() < active) {
      assertThat(System.nanoTime()).as("every active member indexed; indexer log:%n%s", log()).isLessThan(deadline);
      Thread.sleep(200);
    }
  }

  private static int consumers(RabbitMq rabbit) {
    try (Channel channel = rabbit.connection().createChannel()) {
      return channel.queueDeclarePassive(rabbit.queue()).getConsumerCount();
    } catch (Exception e) {
      return 0;
    }
  }

  private static String log() {
    try {
      return Files.readString(indexerLog, StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
