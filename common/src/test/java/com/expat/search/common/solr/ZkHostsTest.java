package com.expat.search.common.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.expat.search.common.config.ConfigException;
import com.expat.search.common.config.Env;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.impl.CloudLegacySolrClient;
import org.junit.jupiter.api.Test;

/** SOLR_ZK_HOSTS as the processes read it, and the client it gives them. */
class ZkHostsTest {

  @Test
  void oneHostWithoutChrootIsWhatTheLocalCloudPrints() {
    ZkHosts zk = ZkHosts.parse("127.0.0.1:9983");
    assertEquals(List.of("127.0.0.1:9983"), zk.hosts());
    assertEquals(Optional.empty(), zk.chroot());
  }

  @Test
  void anEnsembleAndAChrootAreSplitForTheCloudClient() {
    ZkHosts zk = ZkHosts.parse(" zk1:2181, zk2:2181,zk3:2181/solr/ ");
    assertEquals(List.of("zk1:2181", "zk2:2181", "zk3:2181"), zk.hosts());
    assertEquals(Optional.of("/solr"), zk.chroot());
    assertEquals("zk1:2181,zk2:2181,zk3:2181/solr", zk.toString());
  }

  @Test
  void aMistypedValueIsRefusedAtStartUpNamingTheVariable() {
    for (String bad : List.of("localhost", "zk1:2181,,zk2:2181", ":2181", "zk1:99999", "zk1:port/solr", "/solr")) {
      ConfigException error = assertThrows(ConfigException.class, () -> ZkHosts.parse(bad), bad);
      assertTrue(error.getMessage().startsWith("SOLR_ZK_HOSTS=" + bad), error.getMessage());
    }
    assertThrows(ConfigException.class, () -> SolrSettings.from(Env.of(Map.of("SOLR_ZK_HOSTS", "zk1"))));
  }

  @Test
  void zooKeeperHostsAloneAreEnoughAndTakePrecedenceOverTheUrl() throws Exception {
    SolrSettings both = SolrSettings.from(
        Env.of(Map.of("SOLR_ZK_HOSTS", "127.0.0.1:9983", "SOLR_URL", "http://127.0.0.1:8983/solr")));
    assertEquals(Optional.of("127.0.0.1:9983"), both.zkHosts());
    SolrSettings zkOnly = SolrSettings.from(Env.of(Map.of("SOLR_ZK_HOSTS", "127.0.0.1:9983")));
    // Building connects nothing yet (ZooKeeper is reached on the first request): no I/O here.
    try (SolrClient fromBoth = SolrClients.create(both); SolrClient fromZk = SolrClients.create(zkOnly)) {
      assertInstanceOf(CloudLegacySolrClient.class, fromBoth);
      assertInstanceOf(CloudLegacySolrClient.class, fromZk);
    }
  }
}
