package com.expat.search.indexer.reindex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.expat.search.common.solr.SolrClients;
import com.expat.search.common.solr.SolrSettings;
import com.expat.search.indexer.generate.InMemoryWorld;
import com.expat.search.indexer.generate.WorldSpec;
import com.expat.search.indexer.mapping.MemberDocuments;
import com.expat.search.indexer.solr.CoreNames;
import com.expat.search.indexer.solr.IndexAdmin;
import com.expat.search.indexer.solr.SearchIndex;
import com.expat.search.indexer.solr.SolrSearchIndex;
import com.expat.search.testing.solr.SolrCloudProcesses;
import com.expat.search.vocabulary.MemberFields;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.GenericSolrRequest;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.util.NamedList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nightly rebuild on a real two-node SolrCloud ({@code solr-config.jar --cloud 2}, each node its
 * own process, reached through ZooKeeper as {@code SOLR_ZK_HOSTS} alone would): a new
 * collection of the live one's shape, found by live writers while it loads, switched in by moving
 * the alias while searches of the alias go on, the replaced collection kept behind a
 * {@code __prev_} alias; and a rebuild with too few documents that leaves the alias alone.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CloudRebuildIT {
  static final String MEMBERS = "members";
  static final WorldSpec SPEC = new WorldSpec(400, 10, 11, Instant.parse("2026-11-01T00:00:00Z"));
  static final String LIVE_ONLY_ID = "990000001";

  @TempDir static Path dir;
  static SolrCloudProcesses cloud;
  static SolrClient client;
  static IndexAdmin admin;
  static SearchIndex index;
  static InMemoryWorld world;
  static long indexedMembers;

  @BeforeAll
  static void startCloud() throws Exception {
    cloud = SolrCloudProcesses.start(dir, 2, 2, Duration.ofSeconds(15));
    // SOLR_ZK_HOSTS alone, as every process is configured for SolrCloud
    SolrSettings settings = new SolrSettings(Optional.empty(), Optional.of(cloud.zkHosts()),
        dir, Duration.ofSeconds(5), Duration.ofSeconds(120));
    client = SolrClients.create(settings);
    admin = IndexAdmin.forSolr(settings, client);
    index = new SolrSearchIndex(client, Duration.ofSeconds(60));
    world = InMemoryWorld.generate(SPEC);
    indexedMembers = world.memberProfiles().stream().filter(p -> MemberDocuments.isIndexed(p.member())).count();
  }

  @AfterAll
  static void stopCloud() throws Exception {
    if (client != null) {
      client.close();
    }
    if (cloud != null) {
      cloud.close();
    }
  }

  @Test
  @Order(1)
  void rebuildMovesTheAliasToANewCollectionWhileSearchesOfTheAliasKeepSucceeding() throws Exception {
    AtomicReference<List<String>> foundWhileLoading = new AtomicReference<>();
    AtomicReference<List<Long>> softCommitsWhileLoading = new AtomicReference<>();
    Runnable liveIndexer = () -> {
      // What a live indexer does (sync.IndexTargets): the listed names with the build prefix
      // are written to as well as the alias.
      List<String> builds = builds();
      foundWhileLoading.set(builds);
      for (String build : builds) {
        try {
          softCommitsWhileLoading.set(softCommitsOfEveryReplica(build));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
      List<String> targets = new ArrayList<>(builds);
      targets.add(MEMBERS);
      targets.forEach(target -> index.add(target, List.of(liveOnlyMember())));
    };
    String first = CoreNames.buildPrefix(MEMBERS) + "20261102T030000000";

    long built = reindexer(1).rebuild(new WorldRows(world, SPEC.members(), SPEC.now(), liveIndexer));

    assertThat(foundWhileLoading.get()).as("the build collection, found while it loads").containsExactly(first);
    assertThat(softCommitsWhileLoading.get()).as("its soft commits paused on every replica while it loads")
        .hasSize(4).containsOnly(-1L);
    assertThat(built).as("every indexed member and the change made during the load").isEqualTo(indexedMembers + 1);
    assertThat(aliases()).containsEntry(MEMBERS, first)
        .containsEntry(CoreNames.previousPrefix(MEMBERS) + "20261102T030000000", "members_v1");
    assertThat(builds()).as("once switched it is no build any more: live writers stop writing it twice").isEmpty();
    assertThat(shape(first)).isEqualTo(shape("members_v1")).isEqualTo(Map.of("shard1", 2, "shard2", 2));
    assertThat(awaitCount(MEMBERS, built)).isEqualTo(built);
    assertThat(index.contains(MEMBERS, LIVE_ONLY_ID)).isTrue();
    assertThat(softCommitsOfEveryReplica(first)).as("the live collection soft-commits as configured on every replica")
        .hasSize(4).containsOnly(500L);

    AtomicBoolean running = new AtomicBoolean(true);
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    AtomicLong searches = new AtomicLong();
    AtomicLong fewest = new AtomicLong(Long.MAX_VALUE);
    Thread searcher = new Thread(() -> {
      while (running.get()) {
        try {
          long found = client.query(MEMBERS, new SolrQuery("*:*").setRows(0)).getResults().getNumFound();
          client.query(MEMBERS, new SolrQuery("searchable:true").setRows(5));
          fewest.accumulateAndGet(found, Math::min);
          searches.incrementAndGet();
        } catch (Exception e) {
          failures.add(e);
        }
      }
    });
    searcher.start();
    String second = CoreNames.buildPrefix(MEMBERS) + "20261103T030000000";
    long rebuilt;
    try {
      rebuilt = reindexer(2).rebuild(new WorldRows(world, SPEC.members(), SPEC.now(), () -> {}));
      assertThat(awaitCount(MEMBERS, rebuilt)).isEqualTo(rebuilt);
    } finally {
      running.set(false);
      searcher.join();
    }

    assertThat(failures).isEmpty();
    assertThat(searches.get()).isPositive();
    assertThat(fewest.get()).as("no search saw an empty or half-built index").isGreaterThanOrEqualTo(indexedMembers);
    assertThat(rebuilt).isEqualTo(indexedMembers);
    assertThat(aliases()).as("the alias on the new collection, the replaced one kept, the older one dropped")
        .containsEntry(MEMBERS, second)
        .containsEntry(CoreNames.previousPrefix(MEMBERS) + "20261103T030000000", first)
        .doesNotContainKey(CoreNames.previousPrefix(MEMBERS) + "20261102T030000000");
    assertThat(CollectionAdminRequest.listCollections(client)).contains(first, second).doesNotContain("members_v1");
  }

  @Test
  @Order(2)
  void rebuildWithTooFewDocumentsLeavesTheAliasWhereItWasAndFails() throws Exception {
    String before = aliases().get(MEMBERS);
    long live = index.count(MEMBERS);

    assertThatThrownBy(() -> reindexer(3).rebuild(new WorldRows(world, 100, SPEC.now(), () -> {})))
        .isInstanceOf(ReindexException.class)
        .hasMessageContaining("below 90%").hasMessageContaining("the live index stays");

    assertThat(aliases()).containsEntry(MEMBERS, before);
    assertThat(index.count(MEMBERS)).isEqualTo(live);
    assertThat(builds()).isEmpty();
    assertThat(CollectionAdminRequest.listCollections(client))
        .as("the refused build collection is dropped")
        .doesNotContain(CoreNames.buildPrefix(MEMBERS) + "20261104T030000000");
  }

  @Test
  @Order(3)
  void rollbackMovesTheAliasBackToTheKeptCollectionAndKeepsTheReplacedOneBehindANewPreviousAlias()
      throws Exception {
    String previous = CoreNames.previousPrefix(MEMBERS) + "20261103T030000000";
    String keep = CoreNames.previousPrefix(MEMBERS) + "20261105T030000000";
    String live = aliases().get(MEMBERS);
    String kept = aliases().get(previous);
    assertThat(kept).as("the first test's rebuild kept its replaced collection").isNotNull();

    admin.restore(MEMBERS, previous, keep);

    assertThat(aliases()).containsEntry(MEMBERS, kept).containsEntry(keep, live).doesNotContainKey(previous);
    assertThat(awaitCount(MEMBERS, index.count(kept))).isEqualTo(index.count(kept));
    assertThat(CollectionAdminRequest.listCollections(client)).contains(kept, live);
  }

  /** A rebuild whose clock reads day {@code day} of November 2026, 03:00, for a known stamp. */
  private static Rebuild reindexer(int day) {
    ReindexSettings settings = new ReindexSettings(100, 2, 300, 0.9, Duration.ofMillis(100), Duration.ofSeconds(60),
        Duration.ofSeconds(5), 1, ReindexSettings.DEFAULT_WRITE_DEADLINE, MEMBERS, "events", "catalog");
    Clock clock = Clock.fixed(Instant.parse("2026-11-01T03:00:00Z").plus(Duration.ofDays(day)), ZoneOffset.UTC);
    return rows -> new Reindexer(rows, index, admin, settings, clock, System.out).rebuild(Target.MEMBERS);
  }

  private interface Rebuild {
    long rebuild(WorldRows rows);
  }

  private static List<String> builds() {
    return admin.cores().stream().filter(name -> name.startsWith(CoreNames.buildPrefix(MEMBERS))).toList();
  }

  private static Map<String, String> aliases() throws Exception {
    return new CollectionAdminRequest.ListAliases().process(client).getAliases();
  }

  /**
   * The alias's count once every node has seen the alias move (they learn of it a moment apart);
   * gives up after a minute and returns the last count.
   */
  private static long awaitCount(String alias, long expected) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    long count = index.count(alias);
    while (count != expected && System.nanoTime() < deadline) {
      Thread.sleep(100);
      count = index.count(alias);
    }
    return count;
  }

  /** Replicas per shard, from the cluster status. */
  private static Map<String, Integer> shape(String collection) throws Exception {
    NamedList<Object> status = CollectionAdminRequest.getClusterStatus().setCollectionName(collection)
        .process(client).getResponse();
    Map<String, Integer> replicas = new TreeMap<>();
    Map<?, ?> shards = (Map<?, ?>) asMap(asMap(asMap(asMap(status.get("cluster")).get("collections")).get(collection))
        .get("shards"));
    shards.forEach((shard, state) -> replicas.put(shard.toString(), asMap(asMap(state).get("replicas")).size()));
    return replicas;
  }

  /** {@code /expat/soft-commits}' {@code current_ms} of every replica's core, each asked at its node. */
  private static List<Long> softCommitsOfEveryReplica(String collection) throws Exception {
    NamedList<Object> status = CollectionAdminRequest.getClusterStatus().setCollectionName(collection)
        .process(client).getResponse();
    Map<?, ?> shards = (Map<?, ?>) asMap(asMap(asMap(asMap(status.get("cluster")).get("collections")).get(collection))
        .get("shards"));
    List<Long> current = new ArrayList<>();
    for (Object shard : shards.values()) {
      for (Object replica : asMap(asMap(shard).get("replicas")).values()) {
        try (SolrClient node = new HttpJdkSolrClient.Builder(asMap(replica).get("base_url").toString()).build()) {
          NamedList<Object> answer = node.request(new GenericSolrRequest(SolrRequest.METHOD.GET, "/expat/soft-commits",
              new ModifiableSolrParams()).setRequiresCollection(true), asMap(replica).get("core").toString());
          current.add(((Number) answer.get("current_ms")).longValue());
        }
      }
    }
    return current;
  }

  /** SolrJ answers with maps or named lists, depending on the response writer. */
  private static Map<?, ?> asMap(Object value) {
    if (value instanceof NamedList<?> list) {
      Map<String, Object> map = new LinkedHashMap<>();
      list.forEach(entry -> map.put(entry.getKey(), entry.getValue()));
      return map;
    }
    return (Map<?, ?>) value;
  }

  private static SolrInputDocument liveOnlyMember() {
    SolrInputDocument doc = new SolrInputDocument();
    doc.setField(MemberFields.ID, LIVE_ONLY_ID);
    doc.setField(MemberFields.VERSION, 1L);
    doc.setField(MemberFields.DISPLAY_NAME, "Changed During The Rebuild");
    doc.setField(MemberFields.SEARCHABLE, true);
    return doc;
  }
}
