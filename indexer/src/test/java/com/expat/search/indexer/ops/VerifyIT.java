package com.expat.search.indexer.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.indexer.ToolRun;
import com.expat.search.indexer.generate.MariaDbWorldWriter;
import com.expat.search.indexer.generate.WorldGenerator;
import com.expat.search.indexer.generate.WorldSpec;
import com.expat.search.indexer.solr.SolrIndexAdmin;
import com.expat.search.indexer.solr.SolrIndexVersions;
import com.expat.search.indexer.solr.SolrSearchIndex;
import com.expat.search.indexer.source.RebuildSource;
import com.expat.search.indexer.source.Table;
import com.expat.search.indexer.source.RowSources;
import com.expat.search.indexer.sync.Entity;
import com.expat.search.indexer.sync.LiveWrites;
import com.expat.search.indexer.sync.SpoiledRows;
import com.expat.search.indexer.sync.Topology;
import com.expat.search.testing.amqp.RabbitMq;
import com.expat.search.testing.amqp.RabbitMqExtension;
import com.expat.search.testing.db.MariaDbExtension;
import com.expat.search.testing.db.TestDatabase;
import com.expat.search.testing.solr.SolrCores;
import com.expat.search.testing.solr.SolrExtension;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.solr.client.solrj.SolrQuery;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code verify} as the operator runs it, against real MariaDB, Solr and RabbitMQ. */
@ExtendWith({SolrExtension.class, RabbitMqExtension.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VerifyIT {
  @RegisterExtension static final MariaDbExtension DB = MariaDbExtension.withSchema("db/schema.sql");

  static final WorldSpec SPEC = new WorldSpec(1_200, 120, 5, Instant.parse("2026-06-01T00:00:00Z"));

  @BeforeAll
  static void worldIndexedThroughTheLiveWritePath(TestDatabase db, SolrCores solr, RabbitMq rabbit) throws Exception {
    try (MariaDbWorldWriter writer = new MariaDbWorldWriter(db.dataSource(),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), 500, 2)) {
      new WorldGenerator(SPEC).generate(writer);
    }
    RebuildSource rows = RowSources.mariaDb(db.dataSource());
    try (LiveWrites writes = writes(db, solr, rabbit, new SolrSearchIndex(solr.client(), Duration.ofSeconds(60)))) {
      assertThat(writes.write(Entity.MEMBER, rows.ids(Table.MEMBERS, 0, 100_000, null))).isEmpty();
      assertThat(writes.write(Entity.EVENT, rows.ids(Table.EVENTS, 0, 100_000, null))).isEmpty();
    }
  }

  @Test
  @Order(1)
  void anIndexInSyncExitsZeroAndWritesItsMetrics(TestDatabase db, SolrCores solr, RabbitMq rabbit) throws Exception {
    Path metrics = Files.createTempDirectory("verify").resolve("expat_verify.prom");
    Map<String, String> env = ToolRun.env(db, solr, rabbit);
    env.put("VERIFY_GRACE_MS", "100");
    env.put("VERIFY_METRICS_FILE", metrics.toString());
    ToolRun run = ToolRun.run(env, "verify", "all");
    assertThat(run.status()).as(run.output()).isZero();
    assertThat(run.output()).contains("members (" + solr.members() + "): 1,200 rows in MariaDB")
        .contains("in sync").doesNotContain("DRIFT");
    assertThat(Files.readString(metrics))
        .contains("expat_verify_rows{core=\"" + solr.members() + "\",kind=\"missing\"} 0")
        .contains("expat_verify_database_rows{core=\"" + solr.members() + "\"} 1200")
        .contains("expat_verify_exit_code 0")
        .contains("# TYPE expat_verify_last_run_timestamp_seconds gauge");
  }

  @Test
  @Order(2)
  void driftIsCountedByKindWithItsIdsAndRepairedThroughTheLiveWritePath(TestDatabase db, SolrCores solr,
      RabbitMq rabbit) throws Exception {
    List<Long> active = ids(db, "SELECT id FROM members WHERE status = 'active' ORDER BY id LIMIT 3");
    long stale = active.get(0);
    long deactivated = active.get(1);
    long copied = active.get(2);
    long missing = 9_000_001L;
    long deletedEvent = ids(db, "SELECT id FROM events WHERE status = 'published' ORDER BY id LIMIT 1").get(0);
    // What the website did while the change messages were lost:
    sql(db, "UPDATE members SET display_name = 'Renamed', version = version + 1 WHERE id = " + stale,
        "UPDATE members SET status = 'deactivated', version = version + 1 WHERE id = " + deactivated,
        "CREATE TEMPORARY TABLE copy AS SELECT * FROM members WHERE id = " + copied,
        "UPDATE copy SET id = " + missing,
        "INSERT INTO members SELECT * FROM copy",
        "DELETE FROM event_interests WHERE event_id = " + deletedEvent,
        "DELETE FROM event_attendees WHERE event_id = " + deletedEvent,
        "DELETE FROM events WHERE id = " + deletedEvent);

    Map<String, String> env = ToolRun.env(db, solr, rabbit);
    env.put("VERIFY_GRACE_MS", "100");
    ToolRun found = ToolRun.run(env, "verify", "all");
    assertThat(found.status()).as(found.output()).isEqualTo(VerifyCommand.DRIFT);
    assertThat(found.output())
        .containsPattern("missing +1 +first: " + missing + " \\(database v")
        .containsPattern("stale +1 +first: " + stale + " \\(database v\\d+, index v\\d+\\)")
        .containsPattern("should be gone +1 +first: " + deactivated)
        .containsPattern("should be gone +1 +first: " + deletedEvent)
        .contains("DRIFT");

    try (Channel channel = rabbit.connection().createChannel()) {
      String notices = channel.queueDeclare().getQueue();
      channel.exchangeDeclare(rabbit.invalidationExchange(), "fanout", true);
      channel.queueBind(notices, rabbit.invalidationExchange(), "");
      ToolRun repaired = ToolRun.run(env, "verify", "all", "--repair");
      assertThat(repaired.status()).as(repaired.output()).isZero();
      assertThat(repaired.output()).containsPattern("repaired +3").containsPattern("repaired +1")
          .contains("after repair, members").contains("in sync");
      StringBuilder received = new StringBuilder();
      GetResponse notice;
      while ((notice = channel.basicGet(notices, true)) != null) {
        received.append(new String(notice.getBody(), StandardCharsets.UTF_8));
      }
      assertThat(received.toString()).contains(Long.toString(missing)).contains(Long.toString(deactivated))
          .contains(Long.toString(deletedEvent));
    }
    assertThat(solr.client().query(solr.members(), new SolrQuery("id:" + stale).setFields("display_name"))
        .getResults().get(0).getFirstValue("display_name")).isEqualTo("Renamed");
    assertThat(solr.client().query(solr.members(), new SolrQuery("id:" + deactivated)).getResults()).isEmpty();
  }

  @Test
  @Order(3)
  void aRowSolrRefusesIsListedAsRejectedNotRepairedAndTheRestIsRepaired(TestDatabase db, SolrCores solr,
      RabbitMq rabbit) throws Exception {
    List<Long> active = ids(db, "SELECT id FROM members WHERE status = 'active' ORDER BY id DESC LIMIT 2");
    long refused = active.get(0);
    long fine = active.get(1);
    sql(db, "UPDATE members SET version = version + 1 WHERE id IN (" + refused + "," + fine + ")");
    RebuildSource rows = RowSources.mariaDb(db.dataSource());
    Verifier verifier = new Verifier(rows, RowSources.versions(db.dataSource()), new SolrIndexVersions(solr.client(), 100),
        Duration.ofMillis(50), 10);
    Report report;
    try (LiveWrites writes = writes(db, solr, rabbit,
        new SpoiledRows(new SolrSearchIndex(solr.client(), Duration.ofSeconds(60)), Set.of(Long.toString(refused))))) {
      report = verifier.run(Entity.MEMBER, solr.members(), writes);
    }
    assertThat(report.count(Drift.STALE)).isEqualTo(1);
    assertThat(report.count(Drift.REJECTED)).isEqualTo(1);
    assertThat(report.repaired()).isEqualTo(1);
    assertThat(String.join("\n", report.lines())).containsPattern("rejected +1 +first: " + refused
        + " \\(Solr refuses member " + refused);
    Report after = verifier.run(Entity.MEMBER, solr.members(), null);
    assertThat(after.count(Drift.STALE)).as(String.join("\n", after.lines())).isEqualTo(1);
    assertThat(after.lines()).anyMatch(line -> line.contains("first: " + refused));
  }

  @Test
  @Order(4)
  void badUsageIsRefusedWithAClearMessage(TestDatabase db, SolrCores solr) throws Exception {
    ToolRun run = ToolRun.run(ToolRun.env(db, solr, null), "verify", "groups");
    assertThat(run.status()).isEqualTo(1);
    assertThat(run.output()).contains("unknown target 'groups': members, events or all");
    ToolRun help = ToolRun.run(ToolRun.env(db, solr, null), "verify", "--help");
    assertThat(help.status()).isZero();
    assertThat(help.output()).contains("--repair").contains("Exit status: 0 in sync; 3 drift");
  }

  private static LiveWrites writes(TestDatabase db, SolrCores solr, RabbitMq rabbit,
      com.expat.search.indexer.solr.SearchIndex index) {
    Topology topology = new Topology(rabbit.exchange(), rabbit.queue(), rabbit.deadLetterExchange(),
        rabbit.deadLetterQueue(), rabbit.invalidationExchange());
    return new LiveWrites(RowSources.mariaDb(db.dataSource()), index, new SolrIndexAdmin(solr.client()),
        solr.members(), solr.events(), rabbit.connection(), topology, Clock.systemUTC());
  }

  private static List<Long> ids(TestDatabase db, String sql) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (Connection connection = db.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
    }
    return ids;
  }

  /** Runs the statements on one connection, in order. */
  private static void sql(TestDatabase db, String... statements) throws SQLException {
    try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }
}
