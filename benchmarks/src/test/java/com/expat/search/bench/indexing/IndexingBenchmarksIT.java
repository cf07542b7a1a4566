package com.expat.search.bench.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.bench.BenchMain;
import com.expat.search.indexer.generate.MariaDbWorldWriter;
import com.expat.search.indexer.generate.WorldGenerator;
import com.expat.search.indexer.generate.WorldSpec;
import com.expat.search.indexer.mapping.IndexChange;
import com.expat.search.indexer.mapping.MemberDocuments;
import com.expat.search.indexer.solr.SolrIndexAdmin;
import com.expat.search.indexer.solr.SolrSearchIndex;
import com.expat.search.indexer.source.RebuildSource;
import com.expat.search.indexer.source.Table;
import com.expat.search.indexer.source.RowSources;
import com.expat.search.indexer.world.Catalog;
import com.expat.search.testing.amqp.RabbitMq;
import com.expat.search.testing.amqp.RabbitMqExtension;
import com.expat.search.testing.db.MariaDbExtension;
import com.expat.search.testing.db.TestDatabase;
import com.expat.search.testing.process.IndexerJvm;
import com.expat.search.testing.solr.SolrCores;
import com.expat.search.testing.solr.SolrExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.common.SolrDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench bulk} and {@code bench live} end to end on a small generated world, against real
 * MariaDB, Solr and RabbitMQ, with the real indexer process ({@code IndexerMain index}) for the
 * live sync. Counts only, never times: every row is read, mapped and loaded by both loads, both
 * bench cores are gone afterwards, and every published change is seen.
 */
@ExtendWith({SolrExtension.class, RabbitMqExtension.class})
class IndexingBenchmarksIT {
  @RegisterExtension static final MariaDbExtension DB = MariaDbExtension.withSchema("db/schema.sql");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static Process indexer;
  private static Path indexerLog;

  @BeforeAll
  static void world(TestDatabase db) {
    WorldSpec spec = new WorldSpec(300, 60, 11, Instant.parse("2026-11-27T12:00:00Z"));
    try (MariaDbWorldWriter writer = new MariaDbWorldWriter(db.dataSource(), new PrintStream(PrintStream.nullOutputStream()))) {
      new WorldGenerator(spec).generate(writer);
    }
  }

  @AfterAll
  static void stopIndexer() throws InterruptedException {
    if (indexer != null && indexer.isAlive()) {
      indexer.destroy();
      if (!indexer.waitFor(40, TimeUnit.SECONDS)) {
        indexer.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void bulkLoadsEveryMemberRowThroughBothPathsAndDropsItsCores(TestDatabase db, SolrCores solr, @TempDir Path out)
      throws Exception {
    long rows = count(db, "SELECT COUNT(*) FROM members");
    long active = count(db, "SELECT COUNT(*) FROM members WHERE status = 'active'");
    assertThat(rows).isEqualTo(300);
    assertThat(active).isBetween(1L, rows - 1); // some tombstones too

    int exit = BenchMain.commandLine(new BenchMain()).execute("bench", "bulk", "--solr", solr.baseUrl(),
        "--db-url", db.jdbcUrl(), "--table", "members", "--threads", "2", "--page-size", "40", "--unsorted-plain",
        "--out", out.toString());

    assertThat(exit).isZero();
    JsonNode result = JSON.readTree(out.resolve("result.json").toFile());
    assertThat(result.get("rows").asLong()).isEqualTo(rows);
    for (String phase : List.of("readMap", "plain", "plainUnsorted", "rebuild")) {
      JsonNode figures = result.get(phase);
      assertThat(figures.get("documents").asLong()).as(phase + " documents").isEqualTo(rows);
      assertThat(figures.get("upserts").asLong()).as(phase + " upserts").isEqualTo(active);
      assertThat(figures.get("tombstones").asLong()).as(phase + " tombstones").isEqualTo(rows - active);
    }
    assertThat(result.get("plain").get("searchable").asLong()).isEqualTo(active);
    assertThat(result.get("plainUnsorted").get("searchable").asLong()).isEqualTo(active);
    assertThat(result.get("rebuild").get("searchable").asLong()).isEqualTo(active);
    assertThat(result.get("plain").get("requests").asLong()).isEqualTo(result.get("readMap").get("requests").asLong());
    assertThat(out.resolve("report.md")).content().contains("| plain bulk load (b)", "unsorted core (b2)", "Rebuild / plain",
        "Index sort by city", "commit", "CPU per 1,000 documents");
    for (String phase : List.of("plain", "plainUnsorted", "rebuild")) {
      assertThat(result.get(phase).get("cpu").get("solr").asLong()).as(phase + ": Solr's CPU").isPositive();
      assertThat(result.get(phase).get("cpu").get("bench").asLong()).as(phase + ": the bench JVM's CPU").isPositive();
    }
    assertThat(Files.size(out.resolve("docs-per-second.png"))).isGreaterThan(1000);
    assertThat(out.resolve("documents-members.javabin")).doesNotExist();
    assertThat(new SolrIndexAdmin(solr.client()).cores()).noneMatch(core -> core.startsWith("bench_"));
  }

  @Test
  void bulkWithALimitLoadsOnlyTheFirstIdsOfEvents(TestDatabase db, SolrCores solr, @TempDir Path out) throws Exception {
    long published = count(db, "SELECT COUNT(*) FROM (SELECT status FROM events ORDER BY id LIMIT 25) first"
        + " WHERE status = 'published'");

    int exit = BenchMain.commandLine(new BenchMain()).execute("bench", "bulk", "--solr", solr.baseUrl(),
        "--db-url", db.jdbcUrl(), "--table", "events", "--limit", "25", "--threads", "3", "--page-size", "10",
        "--out", out.toString());

    assertThat(exit).isZero();
    JsonNode result = JSON.readTree(out.resolve("result.json").toFile());
    assertThat(result.get("rows").asLong()).isEqualTo(25);
    assertThat(result.get("plainUnsorted").isNull()).as("no unsorted load unless asked").isTrue();
    assertThat(result.get("plain").get("documents").asLong()).isEqualTo(25);
    assertThat(result.get("rebuild").get("documents").asLong()).isEqualTo(25);
    assertThat(result.get("rebuild").get("searchable").asLong()).isEqualTo(published);
    assertThat(result.get("plain").get("searchable").asLong()).isEqualTo(published);

    Path unsortedOnly = out.resolve("unsorted-only");
    assertThat(BenchMain.commandLine(new BenchMain()).execute("bench", "bulk", "--solr", solr.baseUrl(),
        "--db-url", db.jdbcUrl(), "--table", "events", "--limit", "25", "--threads", "3", "--page-size", "10",
        "--unsorted-plain", "--no-sorted-plain", "--out", unsortedOnly.toString())).isZero();
    JsonNode without = JSON.readTree(unsortedOnly.resolve("result.json").toFile());
    assertThat(without.get("plain").isNull()).as("--no-sorted-plain skips (b)").isTrue();
    assertThat(without.get("plainUnsorted").get("searchable").asLong()).isEqualTo(published);
    assertThat(without.get("rebuild").get("searchable").asLong()).isEqualTo(published);
    assertThat(unsortedOnly.resolve("report.md")).content().contains("Rebuild / unsorted plain")
        .doesNotContain("| plain bulk load (b)");
  }

  @Test
  void liveSeesEveryPublishedChangeThroughTheRealIndexer(TestDatabase db, SolrCores solr, RabbitMq rabbit,
      @TempDir Path out) throws Exception {
    indexMembers(db, solr);
    startIndexer(db, solr, rabbit);

    int fast = BenchMain.commandLine(new BenchMain()).execute(live(db, solr, rabbit, out.resolve("count"),
        "--count", "200", "--pool", "120"));
    int paced = BenchMain.commandLine(new BenchMain()).execute(live(db, solr, rabbit, out.resolve("rate"),
        "--rate", "50", "--duration", "2s", "--warmup", "1s", "--pool", "300", "--seed", "2"));

    assertThat(fast).isZero();
    assertThat(paced).isZero();
    JsonNode count = JSON.readTree(out.resolve("count").resolve("result.json").toFile());
    assertThat(count.get("attempted").asLong()).isEqualTo(200);
    assertThat(count.get("published").asLong()).isEqualTo(200);
    assertThat(count.get("visible").asLong()).isEqualTo(200);
    assertThat(count.get("notVisible").asLong()).isZero();
    assertThat(count.get("errors").size()).isZero();
    JsonNode rate = JSON.readTree(out.resolve("rate").resolve("result.json").toFile());
    assertThat(rate.get("attempted").asLong()).isEqualTo(100);
    assertThat(rate.get("published").asLong() + sum(rate.get("errors"))).isEqualTo(100);
    assertThat(rate.get("warmupVisible").asLong()).isPositive();
    assertThat(rate.get("visible").asLong() + rate.get("warmupVisible").asLong())
        .isEqualTo(rate.get("published").asLong());
    assertThat(rate.get("notVisible").asLong()).isZero();
    assertThat(out.resolve("rate").resolve("report.md")).content().contains("Publish-to-visible latency", "p99");
    assertThat(Files.size(out.resolve("rate").resolve("latency-over-time.png"))).isGreaterThan(1000);
    assertThat(out.resolve("rate").resolve("latency.hgrm")).exists();
    // The changes are real: the index now holds each changed member's benchmark headline.
    assertThat(headlinesInIndexMatchTheDatabase(db, solr)).isGreaterThanOrEqualTo(120);
  }

  private static String[] live(TestDatabase db, SolrCores solr, RabbitMq rabbit, Path out, String... pacing) {
    List<String> args = new ArrayList<>(List.of("bench", "live", "--solr", solr.baseUrl(), "--core", solr.members(),
        "--db-url", db.jdbcUrl(), "--amqp-uri", rabbit.uri().toString(), "--exchange", rabbit.exchange(),
        "--queue", rabbit.queue(), "--writers", "2", "--wait", "60s", "--out", out.toString()));
    args.addAll(List.of(pacing));
    return args.toArray(String[]::new);
  }

  /** The live core as a rebuild would leave it: every member, so that changes have documents to update. */
  private static void indexMembers(TestDatabase db, SolrCores solr) {
    RebuildSource rows = RowSources.mariaDb(db.dataSource());
    Catalog catalog = rows.catalog();
    List<Long> ids = rows.ids(Table.MEMBERS, 0, 10_000, null);
    List<IndexChange> changes = new ArrayList<>();
    rows.members(ids).values().forEach(profile -> changes.add(MemberDocuments.change(profile, catalog)));
    SolrSearchIndex index = new SolrSearchIndex(solr.client());
    index.apply(solr.members(), changes);
    index.commit(solr.members());
  }

  /** {@code IndexerMain index} as bin/expat-search runs it, from the benchmarks jar's class path. */
  private static void startIndexer(TestDatabase db, SolrCores solr, RabbitMq rabbit) throws Exception {
    Path jar = Path.of("target", "benchmarks.jar");
    assertThat(jar).as("the benchmarks jar (mvn package builds it before failsafe runs)").exists();
    IndexerJvm.Started started = IndexerJvm.start("indexing-benchmarks",
        List.of("-cp", jar.toString(), "com.expat.search.indexer.IndexerMain", "index"),
        IndexerJvm.environment(rabbit.uri(), solr.baseUrl(), rabbit, db, solr));
    indexer = started.process();
    indexerLog = started.log();
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (consumers(rabbit) == 0) {
      assertThat(indexer.isAlive()).as("indexer running; its log:%n%s", log()).isTrue();
      assertThat(System.nanoTime()).as("indexer consuming within 90 s; its log:%n%s", log()).isLessThan(deadline);
      Thread.sleep(200);
    }
  }

  private static int consumers(RabbitMq rabbit) {
    try (Channel channel = rabbit.connection().createChannel()) {
      return channel.queueDeclarePassive(rabbit.queue()).getConsumerCount();
    } catch (Exception e) {
      return 0; // not declared yet
    }
  }

  private static String log() {
    try {
      return Files.readString(indexerLog, StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** Members with a benchmark headline in MariaDB whose document carries that same headline. */
  private static long headlinesInIndexMatchTheDatabase(TestDatabase db, SolrCores solr) throws Exception {
    Map<String, String> database = new HashMap<>();
    try (Connection connection = db.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT id, headline FROM members WHERE headline LIKE 'bench-live %'")) {
      while (rows.next()) {
        database.put(Long.toString(rows.getLong(1)), rows.getString(2));
      }
    }
    SolrQuery query = new SolrQuery("headline:bench").setFields("id", "headline").setRows(10_000);
    long matching = 0;
    for (SolrDocument document : solr.client().query(solr.members(), query).getResults()) {
      if (String.valueOf(document.getFirstValue("headline")).equals(database.get(document.getFirstValue("id").toString()))) {
        matching++;
      }
    }
    assertThat(matching).as("documents with the database's headline").isEqualTo(database.size());
    return matching;
  }

  private static long sum(JsonNode errors) {
    long total = 0;
    for (JsonNode value : errors) {
      total += value.asLong();
    }
    return total;
  }

  private static long count(TestDatabase db, String sql) throws Exception {
    try (Connection connection = db.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
