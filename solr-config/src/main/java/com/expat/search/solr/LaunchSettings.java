package com.expat.search.solr;

import java.nio.file.Path;
import java.util.Map;

/**
 * The launcher's options after defaults: explicit options win over the environment
 * ({@code SOLR_HOME}, {@code SOLR_PORT}), which wins over the built-in defaults.
 *
 * @param home the Solr home, absolute
 * @param port the HTTP port of a standalone node, 0 meaning any free port
 * @param cloudNodes 0 for a standalone node, otherwise the SolrCloud cluster size
 * @param urlFile where to write the base URL when ready, or {@code null}
 */
record LaunchSettings(Path home, int port, int cloudNodes, Path urlFile) {
  static final int DEFAULT_PORT = 8983;
  static final int MAX_CLOUD_NODES = 9;

  /**
   * @throws IllegalArgumentException naming the option or variable and its bad value
   */
  static LaunchSettings resolve(
      Path home, Integer port, Integer cloudNodes, Path urlFile, Map<String, String> env) {
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
    return new LaunchSettings(
        resolvedHome.toAbsolutePath().normalize(),
        resolvedPort,
        nodes,
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
