package com.expat.search.solr;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.common.solr.SolrClients;
import com.expat.search.common.solr.SolrSettings;
import com.expat.search.vocabulary.MemberFields;
import java.net.URI;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.common.SolrInputDocument;
import com.expat.search.ranking.RankingProfiles;
import com.expat.search.ranking.signals.Viewer;
import com.expat.search.ranking.solr.RankParams;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --cloud 2}: a two-node SolrCloud, each node its own process, where {@code members} is an
 * alias of a 2x2 collection with a replica on each node; the configset loads unchanged on every
 * node (its ranking plugin included), the versioned update chain holds across shards
 * and replicas, and {@code SOLR_ZK_HOSTS} alone reaches it.
 */
class LocalSolrCloudIT {
  @TempDir static Path dir;
  private static LauncherProcess launcher;
  private static SolrClient client;
  private static Properties layout;

  @BeforeAll
  static void startCluster() throws Exception {
    launcher = LauncherProcess.start(dir, "--cloud", "2", "--port", "0", "--zk-port", "0",
        "--home", dir.resolve("home").toString());
    launcher.awaitReady(Duration.ofMinutes(3));
    layout = new Properties();
    try (Reader reader = Files.newBufferedReader(dir.resolve("home/cloud/cluster.properties"))) {
      layout.load(reader);
    }
    client = SolrClients.create(SolrSettings.cloud(layout.getProperty("zkHost")).withRequestTimeout(Duration.ofSeconds(60)));
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (client != null) {
      client.close();
    }
    if (launcher != null) {
      launcher.close();
    }
  }

  @Test
  void printsTheZooKeeperHostsThatAreAllACommandNeeds() {
    assertThat(launcher.stdoutLines()).contains("SOLR_ZK_HOSTS=" + layout.getProperty("zkHost"));
  }

  @Test
  void everyNodeIsAProcessOfItsOwnHoldingAReplicaOfEveryCollectionWithTheRankingFunctions() throws Exception {
    assertThat(layout.getProperty("nodes")).isEqualTo("2");
    assertThat(layout.getProperty("node.1.pid")).isNotEqualTo(layout.getProperty("node.2.pid"))
        .isNotEqualTo(Long.toString(launcher.pid()));
    for (int node = 1; node <= 2; node++) {
      String url = layout.getProperty("node." + node + ".url");
      try (SolrClient direct = SolrClients.create(SolrSettings.at(URI.create(url)).withRequestTimeout(Duration.ofSeconds(30)))) {
        for (String collection : List.of("members_v1", "events_v1", "catalog_v1")) {
          // distrib=false: answered by this node's own replica, or refused if it has none
          SolrQuery local = new SolrQuery("*:*").setRows(0).setParam("distrib", "false");
          assertThat(direct.query(collection, local).getStatus()).as("%s on node %d", collection, node).isZero();
        }
        SolrQuery ranked = new SolrQuery("*:*").setRows(0).setParam("distrib", "false")
            .setParam("rq", "{!expat_matches window=1 size=1}");
        new RankParams(RankingProfiles.load().defaultProfile(), Viewer.anonymous(null), Instant.now()).params()
            .forEach(ranked::setParam);
        assertThat(direct.query("members_v1", ranked).getStatus()).as("ranking plugin on node %d", node).isZero();
      }
    }
  }

  @Test
  void membersAliasIndexesAndSearchesAcrossShards() throws Exception {
    List<SolrInputDocument> docs = new ArrayList<>();
    for (int i = 1; i <= 40; i++) {
      docs.add(member("c" + i, 1, "Müller " + i));
    }
    client.add("members", docs);
    client.commit("members");

    SolrQuery query = new SolrQuery("muller").setParam("defType", "edismax")
        .setParam("qf", MemberFields.DISPLAY_NAME).setRows(0);
    assertThat(client.query("members", query).getResults().getNumFound()).isEqualTo(40);
  }

  @Test
  void versionConstraintsHoldInSolrCloud() throws Exception {
    client.add("members", member("cv", 5, "Five"));
    client.add("members", member("cv", 4, "Four"));
    delete("cv", 3);
    client.commit("members");
    assertThat(client.getById("members", "cv").getFieldValue(MemberFields.DISPLAY_NAME))
        .isEqualTo("Five");

    delete("cv", 6);
    client.add("members", member("cv", 5, "Five, replayed"));
    client.commit("members");
    assertThat(client.query("members", new SolrQuery("id:cv")).getResults()).isEmpty();
  }

  private static void delete(String id, long version) throws Exception {
    UpdateRequest delete = new UpdateRequest().deleteById(id);
    delete.setParam("del_version", Long.toString(version));
    delete.process(client, "members");
  }

  private static SolrInputDocument member(String id, long version, String name) {
    SolrInputDocument doc = new SolrInputDocument();
    doc.setField(MemberFields.ID, id);
    doc.setField(MemberFields.VERSION, version);
    doc.setField(MemberFields.DISPLAY_NAME, name);
    doc.setField(MemberFields.SEARCHABLE, true);
    return doc;
  }
}
