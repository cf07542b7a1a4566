package com.expat.search.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.common.solr.IndexNames;
import com.expat.search.common.solr.SolrClients;
import com.expat.search.common.solr.SolrSettings;
import com.expat.search.indexer.solr.IndexWriteException;
import com.expat.search.indexer.solr.SearchIndex;
import com.expat.search.indexer.solr.SolrSearchIndex;
import com.expat.search.query.QueryServiceConfig;
import com.expat.search.testing.solr.SolrCloudProcesses;
import com.expat.search.testing.solr.SolrCores;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A Solr node lost under query load, on real processes: the project's SolrCloud of two node
 * processes ({@code solr --cloud 2}, shared with ShardedMatchesIT), this class's own collections
 * of 2 shards x 2 replicas (a replica of each shard on each node), the query service on them
 * through {@code SOLR_ZK_HOSTS} alone, with its caches off so that every
 * request reaches Solr. The node leading the members shards is {@code kill -9}ed while two
 * clients search and ask for matches: no request fails, and every answer is right. Changes
 * written while it is down (through the indexer's writer, retrying as the indexer does until the
 * shards have new leaders) become searchable. The node is started again on its port and home: it
 * rejoins, its replicas recover and hold what was written while it was gone.
 */
class NodeLossIT {
  // Also ShardedMatchesIT's, so that the two classes share one cluster.
  static final Duration ZK_SESSION = Duration.ofSeconds(8);
  private static final Set<Long> MATCHES_BEFORE = Set.of(2L, 10L);
  private static final Set<Long> MATCHES_AFTER = Set.of(2L, 500L);
  private static final Set<Long> EITHER = Set.of(2L, 10L, 500L);
  private static final IndexNames OWN = new IndexNames("nodeloss_members", "nodeloss_events", "nodeloss_catalog");

  static SolrCloudProcesses cloud;
  static SolrClient writer;
  static Api api;

  @BeforeAll
  static void start() throws Exception {
    cloud = SolrCloudProcesses.shared(2, 2, ZK_SESSION);
    writer = SolrClients.create(SolrSettings.cloud(cloud.zkHosts()).withRequestTimeout(Duration.ofSeconds(30)));
    for (String collection : List.of(OWN.members(), OWN.events(), OWN.catalog())) {
      CollectionAdminRequest.Create create = CollectionAdminRequest.createCollection(collection, "expat", 2, 2);
      create.setWaitForFinalState(true);
      create.process(writer);
    }
    World.index(new SolrCores(writer, cloud.nodeUrl(1), OWN.members(), OWN.events(), OWN.catalog()));
    // Caches off (TTL 0): every answer below comes from Solr.
    QueryServiceConfig config = new QueryServiceConfig(0, SolrSettings.cloud(cloud.zkHosts()), OWN,
        Duration.ZERO, Duration.ZERO, 1_000, Duration.ZERO);
    api = Api.start(config);
  }

  @AfterAll
  static void stop() throws Exception {
    if (api != null) {
      api.close();
    }
    if (writer != null) {
      // Not left to the next class on the shared cluster; after a failure halfway the cluster is
      // replaced anyway (a node is down), so a delete that fails is no matter.
      for (String collection : List.of(OWN.members(), OWN.events(), OWN.catalog())) {
        try {
          CollectionAdminRequest.deleteCollection(collection).process(writer);
        } catch (Exception e) {
          System.err.println("[NodeLossIT] could not delete " + collection + ": " + e);
        }
      }
      writer.close();
    }
    if (cloud != null) {
      cloud.close();
    }
  }

  @Test
  void aNodeKilledUnderLoadFailsNoRequestItsChangesLandAndItRecoversWhenBack() throws Exception {
    assertThat(api.get("/v1/members/1/matches").ids()).containsExactlyInAnyOrderElementsOf(MATCHES_BEFORE);
    int victim = cloud.leadingNodes(OWN.members()).iterator().next();

    AtomicBoolean running = new AtomicBoolean(true);
    AtomicBoolean changed = new AtomicBoolean(false);
    List<String> wrong = new CopyOnWriteArrayList<>();
    AtomicLong answered = new AtomicLong();
    List<Thread> clients = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Thread client = new Thread(() -> {
        while (running.get()) {
          check(api.get("/v1/members/search", "q", "anna"), Set.of(2L), true, wrong);
          boolean done = changed.get();
          check(api.get("/v1/members/1/matches"), done ? MATCHES_AFTER : EITHER, done, wrong);
          answered.addAndGet(2);
        }
      }, "load-" + i);
      client.start();
      clients.add(client);
    }
    try {
      Thread.sleep(500);
      cloud.kill(victim);
      long killedAt = System.nanoTime();
      long answeredAtKill = answered.get();

      // Written while the node is down, as the indexer writes: retried until the shards it led
      // have new leaders (its ZooKeeper session has to expire first).
      SearchIndex index = new SolrSearchIndex(writer, Duration.ofSeconds(20));
      long writeDeadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      int attempts = 0;
      while (true) {
        attempts++;
        try {
          index.add(OWN.members(), World.laterChanges());
          index.softCommit(OWN.members());
          break;
        } catch (IndexWriteException e) {
          assertThat(System.nanoTime()).as("the changes were refused for 90 s: %s", e.getMessage()).isLessThan(writeDeadline);
          Thread.sleep(250);
        }
      }
      long writtenAt = System.nanoTime();
      awaitMatches(MATCHES_AFTER, Duration.ofSeconds(30));
      changed.set(true);
      System.out.printf("node loss: node %d killed; changes accepted after %d ms (%d attempts), searchable after %d ms;"
          + " %d answers while it was down%n", victim, (writtenAt - killedAt) / 1_000_000, attempts,
          (System.nanoTime() - killedAt) / 1_000_000, answered.get() - answeredAtKill);
      assertThat(answered.get()).as("answers while the node was down").isGreaterThan(answeredAtKill);
      assertThat(cloud.replicaStates().get(OWN.members())).as("the lost node's replicas")
          .filteredOn(state -> state.startsWith(cloud.nodeName(victim))).allMatch(state -> state.endsWith(" gone")
              || state.endsWith(" down"));

      cloud.restart(victim);
      assertThat(cloud.awaitAllActive(Duration.ofMinutes(2))).as("every replica active again: %s",
          cloud.replicaStates()).isTrue();
      int other = victim == 1 ? 2 : 1;
      assertThat(cloud.shardCounts(victim, OWN.members())).as("the restarted node's replicas hold what was written")
          .isEqualTo(cloud.shardCounts(other, OWN.members())).hasSize(2);
      Thread.sleep(500); // a little load on the recovered cluster
    } finally {
      running.set(false);
      for (Thread client : clients) {
        client.join();
      }
    }
    assertThat(wrong).as("failed or wrong answers").isEmpty();
    assertThat(api.get("/v1/members/search", "q", "zelda").ids()).containsExactly(500L);
    assertThat(api.get("/v1/members/1/matches").ids()).containsExactlyInAnyOrderElementsOf(MATCHES_AFTER);
  }

  /**
   * A 200 whose ids are exactly {@code expected}, or, with {@code exact} false, some of them with
   * Anna (2) among them: while a change is on its way, the two shards show it a moment apart.
   */
  private static void check(Api.Response response, Set<Long> expected, boolean exact, List<String> wrong) {
    if (response.status() != 200) {
      wrong.add(response.status() + " " + response.text());
      return;
    }
    Set<Long> ids = new HashSet<>(response.ids());
    if (exact ? !ids.equals(expected) : !(ids.contains(2L) && expected.containsAll(ids))) {
      wrong.add("ids " + ids + ", expected " + (exact ? "" : "some of ") + expected);
    }
  }

  private static void awaitMatches(Set<Long> expected, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!new HashSet<>(api.get("/v1/members/1/matches").ids()).equals(expected)) {
      assertThat(System.nanoTime()).as("the changes never became searchable").isLessThan(deadline);
      Thread.sleep(100);
    }
  }
}
