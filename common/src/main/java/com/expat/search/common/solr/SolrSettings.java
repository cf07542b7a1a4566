package com.expat.search.common.solr;

import com.expat.search.common.config.ConfigException;
import com.expat.search.common.config.Env;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where Solr is, from {@code SOLR_ZK_HOSTS}, {@code SOLR_URL} and {@code SOLR_HOME} (contract
 * section 5). With neither a URL nor ZooKeeper hosts the launcher starts a bundled local Solr
 * whose cores live under {@link #home()}.
 *
 * @param url base URL of a Solr node, e.g. {@code http://127.0.0.1:8983/solr}
 * @param zkHosts ZooKeeper hosts of a SolrCloud cluster ({@link ZkHosts}); takes precedence over
 *     {@code url}: with it the processes route by the cluster's state and need no node URL
 * @param home where the bundled local Solr keeps its cores
 * @param connectTimeout connection timeout of every Solr call
 * @param requestTimeout time limit of every Solr call, so that no answer hangs
 */
public record SolrSettings(
    Optional<URI> url,
    Optional<String> zkHosts,
    Path home,
    Duration connectTimeout,
    Duration requestTimeout) {

  public SolrSettings {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(zkHosts, "zkHosts");
    Objects.requireNonNull(home, "home");
    zkHosts.ifPresent(ZkHosts::parse); // a mistyped SOLR_ZK_HOSTS fails at start-up, by name
    if (connectTimeout.isNegative() || connectTimeout.isZero()) {
      throw new ConfigException("Solr connect timeout must be positive, was " + connectTimeout);
    }
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new ConfigException("Solr request timeout must be positive, was " + requestTimeout);
    }
  }

  public static SolrSettings from(Env env) {
    return new SolrSettings(
        env.uri("SOLR_URL", "http", "https").map(SolrSettings::withoutTrailingSlash),
        env.optional("SOLR_ZK_HOSTS"),
        env.path("SOLR_HOME", Path.of("data", "solr")),
        Duration.ofMillis(env.integer("SOLR_CONNECT_TIMEOUT_MS", 500, 1, 60_000)),
        Duration.ofMillis(env.integer("SOLR_REQUEST_TIMEOUT_MS", 2_000, 1, 600_000)));
  }

  /** A node at {@code url} with default timeouts; for tests and tools. */
  public static SolrSettings at(URI url) {
    return new SolrSettings(
        Optional.of(withoutTrailingSlash(url)),
        Optional.empty(),
        Path.of("data", "solr"),
        Duration.ofMillis(500),
        Duration.ofMillis(2_000));
  }

  /** A SolrCloud cluster known by its ZooKeeper hosts, with default timeouts; for tests and tools. */
  public static SolrSettings cloud(String zkHosts) {
    return new SolrSettings(
        Optional.empty(),
        Optional.of(zkHosts),
        Path.of("data", "solr"),
        Duration.ofMillis(500),
        Duration.ofMillis(2_000));
  }

  /** Where requests go, for logs: the cluster's ZooKeeper when set, else the node's URL. */
  public String where() {
    return zkHosts.map(zk -> "SolrCloud via ZooKeeper " + zk)
        .orElseGet(() -> url.map(URI::toString).orElse("(no Solr configured)"));
  }

  public SolrSettings withRequestTimeout(Duration timeout) {
    return new SolrSettings(url, zkHosts, home, connectTimeout, timeout);
  }

  private static URI withoutTrailingSlash(URI uri) {
    String text = uri.toString();
    return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
  }
}
