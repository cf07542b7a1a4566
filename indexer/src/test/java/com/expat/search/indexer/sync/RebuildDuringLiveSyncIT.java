package com.expat.search.indexer.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.expat.search.indexer.generate.MariaDbWorldWriter;
import com.expat.search.indexer.generate.WorldGenerator;
import com.expat.search.indexer.generate.WorldSpec;
import com.expat.search.indexer.reindex.ReindexException;
import com.expat.search.indexer.reindex.ReindexSettings;
import com.expat.search.indexer.reindex.Reindexer;
import com.expat.search.indexer.reindex.Target;
import com.expat.search.indexer.solr.CoreNames;
import com.expat.search.indexer.solr.SolrIndexAdmin;
import com.expat.search.indexer.solr.SolrSearchIndex;
import com.expat.search.indexer.source.RowSources;
import com.expat.search.testing.amqp.RabbitMq;
import com.expat.search.testing.amqp.RabbitMqExtension;
import com.expat.search.testing.db.MariaDbExtension;
import com.expat.search.testing.db.TestDatabase;
import com.expat.search.testing.solr.SolrCores;
import com.expat.search.testing.solr.SolrExtension;
import com.expat.search.vocabulary.MemberFields;
import com.rabbitmq.client.Channel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.request.LukeRequest;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The nightly rebuild while the live sync keeps applying changes, and its atomic switch. */
@ExtendWith({SolrExtension.class, RabbitMqExtension.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RebuildDuringLiveSyncIT {
  @RegisterExtension static final MariaDbExtension DB = MariaDbExtension.withSchema("db/schema.sql");

  static TestWorld world;

  @BeforeAll
  static void world(TestDatabase db) throws Exception {
    try (MariaDbWorldWriter writer = new MariaDbWorldWriter(db.dataSource(), new PrintStream(new ByteArrayOutputStream()), 500, 2)) {
      new WorldGenerator(new WorldSpec(1_500, 150, 5, Instant.now())).generate(writer);
    }
    world = new TestWorld(db.dataSource(), new Random(5), 10_000_000);
  }

  @AfterAll
  static void dropPreviousCores(SolrCores solr) {
    SolrIndexAdmin admin = new SolrIndexAdmin(solr.client());
    for (String core : admin.cores()) {
      for (String live : List.of(solr.members(), solr.events(), solr.catalog())) {
        if (core.startsWith(CoreNames.previousPrefix(live)) || core.startsWith(CoreNames.buildPrefix(live))) {
          admin.drop(core);
        }
      }
    }
  }

  private static int segments(SolrCores solr, String core) throws Exception {
    LukeRequest luke = new LukeRequest();
    luke.setNumTerms(0);
    luke.setShowSchema(false);
    return ((Number) luke.process(solr.client(), core).getIndexInfo().get("segmentCount")).intValue();
  }

  /** Runs of one city in docid order: 1 per city when the index is sorted by city. */
  private static long cityRuns(SolrCores solr, String core) throws Exception {
    SolrQuery all = new SolrQuery("*:*").setRows(100_000).setFields(MemberFields.CITY_ID)
        .setSort("_docid_", SolrQuery.ORDER.asc);
    long runs = 0;
    Object previous = null;
    for (SolrDocument doc : solr.client().query(core, all).getResults()) {
      Object city = doc.getFirstValue(MemberFields.CITY_ID);
      if (!city.equals(previous)) {
        runs++;
      }
      previous = city;
    }
    return runs;
  }

  private static long cities(SolrCores solr, String core) throws Exception {
    SolrQuery facet = new SolrQuery("*:*").setRows(0).setFacet(true).addFacetField(MemberFields.CITY_ID)
        .setFacetLimit(-1).setFacetMinCount(1);
    return solr.client().query(core, facet).getFacetField(MemberFields.CITY_ID).getValueCount();
  }

  static Reindexer reindexer(TestDatabase db, SolrCores solr, PrintStream out) {
    ReindexSettings settings = new ReindexSettings(200, 2, 500, 0.9, Duration.ofMillis(1_000), Duration.ofSeconds(60),
        Duration.ofMillis(500), 1, ReindexSettings.DEFAULT_WRITE_DEADLINE, solr.members(), solr.events(), solr.catalog());
    return new Reindexer(RowSources.mariaDb(db.dataSource()), new SolrSearchIndex(solr.client(), settings.writeDeadline()),
        new SolrIndexAdmin(solr.client()), settings, Clock.systemUTC(), out);
  }

  @Test
  @Order(1)
  void rebuildWhileChangesKeepComingKeepsEveryChangeAndQueriesNeverFail(
      TestDatabase db, SolrCores solr, RabbitMq rabbit) throws Exception {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
    Reindexer reindexer = reindexer(db, solr, out);
    reindexer.rebuild(Target.CATALOG);
    long initial = reindexer.rebuild(Target.MEMBERS);
    reindexer.rebuild(Target.EVENTS);
    assertThat(initial).isGreaterThan(1_000);
    assertThat(segments(solr, solr.members())).as("the rebuild merged the new index to one segment").isEqualTo(1);
    assertThat(cityRuns(solr, solr.members())).as("each city's members are one stretch of the index (index sort)")
        .isEqualTo(cities(solr, solr.members()));

    AtomicBoolean running = new AtomicBoolean(true);
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    AtomicLong queries = new AtomicLong();
    AtomicLong fewest = new AtomicLong(Long.MAX_VALUE);
    try (var indexer = SyncFixture.start(rabbit, db.dataSource(), solr.client(), solr.members(), solr.events())) {
      Thread changes = new Thread(() -> {
        try (Channel channel = rabbit.connection().createChannel()) {
          while (running.get()) {
            for (TestWorld.Message message : world.randomChange()) {
              message.publish(channel, rabbit.exchange());
            }
            Thread.sleep(5);
          }
        } catch (Exception e) {
          failures.add(e);
        }
      });
      Thread searches = new Thread(() -> {
        while (running.get()) {
          try {
            long found = solr.client().query(solr.members(), new SolrQuery("*:*").setRows(0)).getResults().getNumFound();
            solr.client().query(solr.members(), new SolrQuery("searchable:true").setRows(5));
            fewest.accumulateAndGet(found, Math::min);
            queries.incrementAndGet();
          } catch (Exception e) {
            failures.add(e);
          }
        }
      });
      changes.start();
      searches.start();
      reindexer.rebuild(Target.MEMBERS);
      reindexer.rebuild(Target.EVENTS);
      Thread.sleep(500);
      running.set(false);
      changes.join();
      searches.join();

      SyncFixture.awaitConverged(Duration.ofSeconds(90),
          () -> IndexComparison.differences(db.dataSource(), solr.client(), solr.members(), solr.events()));
    }
    assertThat(failures).isEmpty();
    assertThat(queries.get()).isGreaterThan(10);
    assertThat(fewest.get()).as("no query saw an empty or half-built index").isGreaterThan(initial * 8 / 10);
    String log = output.toString(StandardCharsets.UTF_8);
    assertThat(log).contains("rows/s").contains("ETA").contains("switched to the new index")
        .contains("kept as " + CoreNames.previousPrefix(solr.members()));
    long previous = new SolrIndexAdmin(solr.client()).cores().stream()
        .filter(core -> core.startsWith(CoreNames.previousPrefix(solr.members()))).count();
    assertThat(previous).as("one previous members core kept for rollback").isEqualTo(1);
  }

  @Test
  @Order(2)
  void rebuildFarSmallerThanTheLiveIndexLeavesTheLiveIndexAndFails(TestDatabase db, SolrCores solr) throws Exception {
    List<SolrInputDocument> extra = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      SolrInputDocument doc = new SolrInputDocument();
      doc.setField("id", Long.toString(50_000_000L + i));
      doc.setField("doc_version", 1L);
      doc.setField("display_name", "padding");
      extra.add(doc);
    }
    // 20,000 documents in one request: a bulk write, with the rebuild's deadline (a loaded machine took over 10 s).
    SolrSearchIndex index = new SolrSearchIndex(solr.client(), ReindexSettings.DEFAULT_WRITE_DEADLINE);
    index.add(solr.members(), extra);
    index.commit(solr.members());
    long before = index.count(solr.members());

    ByteArrayOutputStream output = new ByteArrayOutputStream();
    assertThatThrownBy(() -> reindexer(db, solr, new PrintStream(output, true, StandardCharsets.UTF_8))
        .rebuild(Target.MEMBERS))
        .isInstanceOf(ReindexException.class).hasMessageContaining("the live index stays");

    assertThat(index.count(solr.members())).isEqualTo(before);
    assertThat(new SolrIndexAdmin(solr.client()).cores())
        .noneMatch(core -> core.startsWith(CoreNames.buildPrefix(solr.members())));
  }
}
