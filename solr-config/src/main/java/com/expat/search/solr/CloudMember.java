package com.expat.search.solr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * One SolrCloud node in this JVM, joined to the cluster whose ZooKeeper is given ({@code --join}):
 * what each node of {@code --cloud N} runs in its own OS process, and how a lost node is started
 * again. Its cores live under its own home and survive a restart, so a node that comes back
 * registers its replicas again and recovers them from their leaders. The configset's native
 * functions are in this JVM's class path, so the ranking plugin is loaded on every node.
 *
 * <p>The node is known to the cluster as {@code 127.0.0.1:<port>_solr}: restarted on the same port
 * it is the same node, and its replicas are found again.
 */
final class CloudMember implements SolrNode {
  /**
   * The node's {@code solr.xml}, written on every start. The ZooKeeper session (15 s unless
   * {@code -DzkClientTimeout}) is how long a killed node still counts as live and still leads its
   * shards; updates forwarded to a replica that does not answer give up after 5 s.
   */
  private static final String SOLR_XML =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <!-- Written on every start by the expat-search local Solr launcher, for one node of a cluster. -->
      <solr>
        <int name="maxBooleanClauses">${solr.max.booleanClauses:1024}</int>
        <str name="allowUrls">${solr.allowUrls:}</str>
        <shardHandlerFactory name="shardHandlerFactory" class="HttpShardHandlerFactory">
          <int name="socketTimeout">${socketTimeout:60000}</int>
          <int name="connTimeout">${connTimeout:5000}</int>
        </shardHandlerFactory>
        <solrcloud>
          <str name="host">127.0.0.1</str>
          <int name="hostPort">${hostPort}</int>
          <str name="hostContext">solr</str>
          <str name="zkHost">${zkHost}</str>
          <int name="zkClientTimeout">${zkClientTimeout:15000}</int>
          <bool name="genericCoreNodeNames">true</bool>
          <int name="leaderVoteWait">${leaderVoteWait:10000}</int>
          <int name="distribUpdateConnTimeout">${distribUpdateConnTimeout:5000}</int>
          <int name="distribUpdateSoTimeout">${distribUpdateSoTimeout:60000}</int>
        </solrcloud>
      </solr>
      """;

  private final JettySolrRunner jetty;

  private CloudMember(JettySolrRunner jetty) {
    this.jetty = jetty;
  }

  /**
   * @param port the node's port, not 0: the cluster knows a node by it
   * @throws LaunchException when the port is taken or the node fails to start or join
   */
  static CloudMember join(Path home, int port, String zkHost) {
    Ports.requireFree(port);
    try {
      Files.createDirectories(home);
      Files.writeString(home.resolve("solr.xml"), SOLR_XML, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the node's home " + home, e);
    }
    Properties properties = new Properties();
    properties.setProperty("zkHost", zkHost);
    properties.setProperty("hostPort", Integer.toString(port));
    JettySolrRunner jetty = StandaloneNode.runner(home, properties, port);
    try {
      jetty.start();
    } catch (Exception e) {
      StandaloneNode.stopQuietly(jetty);
      throw new LaunchException("the node on port " + port + " failed to join " + zkHost + ": " + e, e);
    }
    return new CloudMember(jetty);
  }

  @Override
  public String baseUrl() {
    return jetty.getBaseUrl().toString();
  }

  @Override
  public void close() {
    StandaloneNode.stopQuietly(jetty);
  }
}
