package com.expat.search.indexer.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.indexer.ToolRun;
import com.expat.search.indexer.generate.MariaDbWorldWriter;
import com.expat.search.indexer.generate.WorldGenerator;
import com.expat.search.indexer.generate.WorldSpec;
import com.expat.search.indexer.solr.CoreNames;
import com.expat.search.indexer.solr.SolrIndexAdmin;
import com.expat.search.indexer.source.DbSettings;
import com.expat.search.indexer.source.JobLock;
import com.expat.search.testing.amqp.RabbitMq;
import com.expat.search.testing.amqp.RabbitMqExtension;
import com.expat.search.testing.db.MariaDbExtension;
import com.expat.search.testing.db.TestDatabase;
import com.expat.search.testing.solr.SolrCores;
import com.expat.search.testing.solr.SolrExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.request.GenericSolrRequest;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.util.NamedList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code rollback} and the job lock it shares with {@code reindex}, on a standalone node; and the
 * soft commits of the core a rebuild switches in.
 */
@ExtendWith({SolrExtension.class, RabbitMqExtension.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RollbackIT {
  @RegisterExtension static final MariaDbExtension DB = MariaDbExtension.withSchema("db/schema.sql");

  static final WorldSpec SPEC = new WorldSpec(400, 40, 9, Instant.parse("2026-06-01T00:00:00Z"));

  @BeforeAll
  static void world(TestDatabase db) {
    try (MariaDbWorldWriter writer = new MariaDbWorldWriter(db.dataSource(),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), 500, 2)) {
      new WorldGenerator(SPEC).generate(writer);
    }
  }

  @AfterAll
  static void dropKeptIndexes(SolrCores solr) {
    SolrIndexAdmin admin = new SolrIndexAdmin(solr.client());
    for (String core : admin.cores()) {
      if (core.startsWith(CoreNames.previousPrefix(solr.members())) || core.startsWith(CoreNames.previousPrefix(solr.catalog()))) {
        admin.drop(core);
      }
    }
  }

  static Map<String, String> env(TestDatabase db, SolrCores solr, RabbitMq rabbit) {
    Map<String, String> env = ToolRun.env(db, solr, rabbit);
    env.put("VERIFY_GRACE_MS", "100");
    env.put("REINDEX_DISCOVERY_WAIT_MS", "0");
    env.put("REINDEX_MAX_SEGMENTS", "0");
    env.put("REINDEX_THREADS", "2");
    return env;
  }

  @Test
  @Order(1)
  void refusesWhenNoRebuildKeptAnIndex(TestDatabase db, SolrCores solr, RabbitMq rabbit) throws Exception {
    ToolRun run = ToolRun.run(env(db, solr, rabbit), "rollback", "members");
    assertThat(run.status()).as(run.output()).isEqualTo(1);
    assertThat(run.output()).contains(solr.members() + ": nothing to roll back to: there is no "
        + CoreNames.previousPrefix(solr.members()) + "<stamp> index");
  }

  @Test
  @Order(2)
  void makesThePreviousIndexLiveUpToDateAndKeepsTheReplacedOne(TestDatabase db, SolrCores solr, RabbitMq rabbit)
      throws Exception {
    Map<String, String> env = env(db, solr, rabbit);
    for (int rebuild = 1; rebuild <= 2; rebuild++) {
      ToolRun reindex = ToolRun.run(env, "reindex", "members");
      assertThat(reindex.status()).as(reindex.output()).isZero();
    }
    String kept = previous(solr);
    long renamed = scalar(db, "SELECT MIN(id) FROM members WHERE status = 'active'");
    sql(db, "UPDATE members SET display_name = 'After the rebuild', version = version + 1 WHERE id = " + renamed);

    ToolRun rollback = ToolRun.run(env, "rollback", "members");
    assertThat(rollback.status()).as(rollback.output()).isZero();
    assertThat(rollback.output()).contains("bringing " + kept + " up to date")
        .contains(kept + " is live again; the replaced index is kept as " + CoreNames.previousPrefix(solr.members()))
        .contains("in sync");
    String nowKept = previous(solr);
    assertThat(nowKept).isNotEqualTo(kept);
    assertThat(new SolrIndexAdmin(solr.client()).cores()).as("the restored name is gone").doesNotContain(kept);
    assertThat(solr.client().query(solr.members(), new SolrQuery("id:" + renamed).setFields("display_name"))
        .getResults().get(0).getFirstValue("display_name")).isEqualTo("After the rebuild");
    assertThat(solr.client().query(nowKept, new SolrQuery("*:*").setRows(0)).getResults().getNumFound())
        .as("the replaced index is kept with its documents").isPositive();

    ToolRun again = ToolRun.run(env, "rollback", "members");
    assertThat(again.status()).as("a second rollback undoes the first: " + again.output()).isZero();
    assertThat(previous(solr)).isNotEqualTo(nowKept);
  }

  @Test
  @Order(3)
  void aRebuildOrRollbackOfACoreWhoseLockIsHeldIsRefused(TestDatabase db, SolrCores solr, RabbitMq rabbit)
      throws Exception {
    Map<String, String> env = env(db, solr, rabbit);
    DbSettings settings = new DbSettings(db.jdbcUrl(), "root", System.getenv().getOrDefault("DB_PASSWORD", ""), 1);
    try (JobLock held = JobLock.acquire(settings, solr.members(), "test")) {
      assertThat(held.held()).isTrue();
      ToolRun rollback = ToolRun.run(env, "rollback", "members");
      assertThat(rollback.status()).as(rollback.output()).isEqualTo(1);
      assertThat(rollback.output()).contains("another rebuild or rollback of " + solr.members() + " is running");
      ToolRun reindex = ToolRun.run(env, "reindex", "members");
      assertThat(reindex.status()).as(reindex.output()).isEqualTo(5);
      assertThat(reindex.output()).contains(solr.members() + ": another rebuild or rollback");
    }
    assertThat(JobLock.tryAcquire(settings, solr.members())).as("released with its connection")
        .hasValueSatisfying(JobLock::close);
  }

  /**
   * The core a rebuild switches in soft-commits as configured: the bulk load pauses its soft
   * commits in memory and resumes them before the switch, where it used to create the core with
   * the core property {@code expat.softCommitMs=-1}, which stayed in the live core's core.properties.
   */
  @Test
  @Order(4)
  void theRebuiltCoreGoesLiveWithTheConfiguredSoftCommits(TestDatabase db, SolrCores solr, RabbitMq rabbit)
      throws Exception {
    ToolRun reindex = ToolRun.run(env(db, solr, rabbit), "reindex", "members");

    assertThat(reindex.status()).as(reindex.output()).isZero();
    assertThat(reindex.output()).doesNotContain("has no /expat/soft-commits");
    var params = new ModifiableSolrParams().set("action", "status");
    NamedList<Object> live = solr.client().request(
        new GenericSolrRequest(SolrRequest.METHOD.GET, "/expat/soft-commits", params).setRequiresCollection(true),
        solr.members());
    assertThat(live.get("configured_ms")).as("solrconfig.xml's interval, no core property").isEqualTo(500);
    assertThat(live.get("current_ms")).as("in force on the live core").isEqualTo(500L);
  }

  private static String previous(SolrCores solr) {
    List<String> kept = new SolrIndexAdmin(solr.client()).cores().stream()
        .filter(core -> core.startsWith(CoreNames.previousPrefix(solr.members()))).toList();
    assertThat(kept).as("one previous index kept").hasSize(1);
    return kept.get(0);
  }

  private static long scalar(TestDatabase db, String sql) throws Exception {
    try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement();
        var rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void sql(TestDatabase db, String sql) throws Exception {
    try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
