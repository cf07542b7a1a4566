package com.expat.search.solr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.cloud.MiniSolrCloudCluster;

/**
 * A local SolrCloud cluster with embedded ZooKeeper ({@link MiniSolrCloudCluster}). Configset
 * {@code expat} is uploaded, and each of {@code members}, {@code events} and {@code catalog} is an
 * alias of a collection {@code <name>_v1}, the way a reindex would switch it. With two or more
 * nodes a collection has 2 shards of 2 replicas, so routing, forwarding to leaders and
 * distributed search are all exercised. The cluster lives in {@code <home>/cloud} and starts
 * empty every time.
 */
final class CloudNode implements SolrNode {
  private final MiniSolrCloudCluster cluster;

  private CloudNode(MiniSolrCloudCluster cluster) {
    this.cluster = cluster;
  }

  /**
   * @throws LaunchException when the cluster or a collection cannot be created
   */
  static CloudNode start(Path home, int nodes) {
    Path dir = home.resolve("cloud");
    Path confDir;
    try {
      deleteRecursively(dir);
      Files.createDirectories(dir);
      confDir = Configset.installInto(home.resolve("configsets"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + dir, e);
    }
    MiniSolrCloudCluster cluster;
    try {
      cluster = new MiniSolrCloudCluster.Builder(nodes, dir)
          .addConfig(Configset.NAME, confDir)
          .withJettyConfig(jetty -> jetty.stopAtShutdown(false))
          .build();
    } catch (Exception e) {
      throw new LaunchException("the SolrCloud cluster failed to start in " + dir + ": " + e, e);
    }
    CloudNode node = new CloudNode(cluster);
    try {
      int shards = nodes >= 2 ? 2 : 1;
      int replicas = Math.min(nodes, 2);
      CloudSolrClient client = cluster.getSolrClient();
      for (String alias : StandaloneNode.CORES) {
        String collection = alias + "_v1";
        CollectionAdminRequest.createCollection(collection, Configset.NAME, shards, replicas)
            .process(client);
        cluster.waitForActiveCollection(collection, shards, shards * replicas);
        CollectionAdminRequest.createAlias(alias, collection).process(client);
      }
      System.err.println("solr: ZooKeeper at " + cluster.getZkServer().getZkAddress());
      return node;
    } catch (Exception e) {
      node.close();
      throw new LaunchException("cannot create the collections: " + e.getMessage(), e);
    }
  }

  @Override
  public String baseUrl() {
    return cluster.getJettySolrRunner(0).getBaseUrl().toString();
  }

  @Override
  public void close() {
    try {
      cluster.shutdown();
    } catch (Exception e) {
      System.err.println("solr: error while stopping the cluster: " + e);
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
