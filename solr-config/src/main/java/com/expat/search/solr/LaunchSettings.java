package com.expat.search.solr;

import java.nio.file.Path;
import java.util.Map;

/**
 * The launcher's options after defaults: explicit options win over the environment
 * ({@code SOLR_HOME}, {@code SOLR_PORT}), which wins over the built-in defaults.
 *
 * @param home the Solr home, absolute
 * @param port the HTTP port of a standalone node, of a joining node, or the first of a local
 *     cluster's nodes (the others on the next ports); 0 meaning any free port (each node its own)
 * @param cloudNodes 0 for a standalone node, otherwise the local SolrCloud cluster's size
 * @param shards shards per collection of the local cluster
 * @param zkPort the local cluster's ZooKeeper port, 0 meaning any free port
 * @param join the ZooKeeper of an existing cluster this one node joins, or {@code null}
 * @param urlFile where to write the base URL when ready, or {@code null}
 */
record LaunchSettings(
    Path home, int port, int cloudNodes, int shards, int zkPort, String join, Path urlFile) {
  static final int DEFAULT_PORT = 8983;
  /** As {@code bin/solr -c}: the embedded ZooKeeper listens 1000 above the first node. */
  static final int DEFAULT_ZK_PORT = 9983;
  static final int MAX_CLOUD_NODES = 9;
  static final int MAX_SHARDS = 16;

  boolean joins() {
    return join != null;
  }

  /**
   * @throws IllegalArgumentException naming the option or variable and its bad value
   */
  static LaunchSettings resolve(Path home, Integer port, Integer cloudNodes, Integer shards,
      Integer zkPort, String join, Path urlFile, Map<String, String> env) {
    String envHome = env.get("SOLR_HOME");
    Path resolvedHome = home != null
        ? home
        : envHome == null || envHome.isBlank() ? Path.of("data", "solr") : Path.of(envHome.trim());
    int resolvedPort = port != null ? checkPort("--port", port) : portFromEnv(env.get("SOLR_PORT"));
    int nodes = cloudNodes == null ? 0 : cloudNodes;
    if (cloudNodes != null && (nodes < 1 || nodes > MAX_CLOUD_NODES)) {
      throw new IllegalArgumentException(
          "--cloud " + nodes + " is outside 1.." + MAX_CLOUD_NODES + " nodes");
    }
    if (join != null && cloudNodes != null) {
      throw new IllegalArgumentException("--join and --cloud exclude each other: --cloud starts a"
          + " cluster of its own, --join adds one node to a running one");
    }
    if (join != null && join.isBlank()) {
      throw new IllegalArgumentException("--join needs the cluster's ZooKeeper, e.g. 127.0.0.1:9983");
    }
    if (nodes == 0 && (shards != null || zkPort != null)) {
      throw new IllegalArgumentException("--shards and --zk-port apply to a local cluster (--cloud N) only");
    }
    // Two shards from two nodes up (routing and distributed search are exercised), and enough
    // that every node holds a replica of each collection: shards x min(N, 2) >= N.
    int resolvedShards = shards != null ? shards : nodes < 2 ? 1 : Math.max(2, (nodes + 1) / 2);
    if (resolvedShards < 1 || resolvedShards > MAX_SHARDS) {
      throw new IllegalArgumentException("--shards " + resolvedShards + " is outside 1.." + MAX_SHARDS);
    }
    if (nodes > 0 && resolvedPort != 0 && resolvedPort + nodes - 1 > 65_535) {
      throw new IllegalArgumentException("--port " + resolvedPort + " leaves no room for " + nodes + " nodes");
    }
    int resolvedZkPort = zkPort != null ? checkPort("--zk-port", zkPort) : DEFAULT_ZK_PORT;
    return new LaunchSettings(
        resolvedHome.toAbsolutePath().normalize(),
        resolvedPort,
        nodes,
        resolvedShards,
        resolvedZkPort,
        join == null ? null : join.trim(),
        urlFile == null ? null : urlFile.toAbsolutePath());
  }

  private static int portFromEnv(String raw) {
    if (raw == null || raw.isBlank()) {
      return DEFAULT_PORT;
    }
    try {
      return checkPort("SOLR_PORT", Integer.parseInt(raw.trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("SOLR_PORT=" + raw + " is not a port number");
    }
  }

  private static int checkPort(String source, int port) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException(source + "=" + port + " is outside 0..65535");
    }
    return port;
  }
}
