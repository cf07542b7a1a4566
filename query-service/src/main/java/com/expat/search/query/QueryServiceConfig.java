package com.expat.search.query;

import com.expat.search.common.config.ConfigException;
import com.expat.search.common.config.Env;
import com.expat.search.common.solr.Cores;
import com.expat.search.common.solr.SolrSettings;
import com.expat.search.query.solr.IndexNames;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the query service is configured with, read from the environment and checked once
 * at start-up; every failure names the variable and its value.
 *
 * @param httpPort 0 picks a free port (tests)
 * @param searchTtl life of a cached member search answer; zero disables the cache
 * @param matchesTtl life of a cached matches answer; zero disables the cache
 * @param cacheMaxEntries entries per endpoint cache
 * @param catalogTtl life of facet labels, city coordinates and interest rarity kept in process
 */
public record QueryServiceConfig(
    int httpPort,
    SolrSettings solr,
    IndexNames cores,
    Duration searchTtl,
    Duration matchesTtl,
    long cacheMaxEntries,
    Duration catalogTtl) {

  /** The variables read, with their defaults, for {@code serve --help}. */
  static final String VARIABLES =
      """
      Environment variables:
        SOLR_URL                     base URL of a Solr node (required), e.g. http://127.0.0.1:8983/solr
        SOLR_CONNECT_TIMEOUT_MS      Solr connect timeout (default 500)
        SOLR_REQUEST_TIMEOUT_MS      time limit of each Solr request (default 2000)
        SOLR_MEMBERS_CORE            members core or alias (default members)
        SOLR_EVENTS_CORE             events core or alias (default events)
        SOLR_CATALOG_CORE            catalog core or alias (default catalog)
        HTTP_PORT                    port to listen on (default 8080)
        CACHE_SEARCH_TTL_SECONDS     life of a cached /v1/members/search answer, 0 = off (default 30)
        CACHE_MATCHES_TTL_SECONDS    life of a cached /v1/members/{id}/matches answer, 0 = off (default 60)
        CACHE_MAX_ENTRIES            entries per endpoint in the in-process cache (default 10000)
        CATALOG_CACHE_TTL_SECONDS    life of facet labels, city coordinates, interest rarity (default 600)
      """;

  public QueryServiceConfig {
    Objects.requireNonNull(solr, "solr");
    Objects.requireNonNull(cores, "cores");
    if (httpPort < 0 || httpPort > 65535) {
      throw new ConfigException("HTTP_PORT=" + httpPort + " is outside 0..65535");
    }
  }

  /**
   * @throws ConfigException naming the first bad variable, or SOLR_URL when it is unset
   */
  public static QueryServiceConfig from(Env env) {
    SolrSettings solr = SolrSettings.from(env);
    if (solr.url().isEmpty()) {
      throw new ConfigException(
          "SOLR_URL is not set: give the base URL of a Solr node (bin/expat-search serve resolves the bundled Solr)");
    }
    return new QueryServiceConfig(
        env.integer("HTTP_PORT", 8080, 0, 65535),
        solr,
        new IndexNames(
            env.string("SOLR_MEMBERS_CORE", Cores.MEMBERS),
            env.string("SOLR_EVENTS_CORE", Cores.EVENTS),
            env.string("SOLR_CATALOG_CORE", Cores.CATALOG)),
        Duration.ofSeconds(env.integer("CACHE_SEARCH_TTL_SECONDS", 30, 0, 3600)),
        Duration.ofSeconds(env.integer("CACHE_MATCHES_TTL_SECONDS", 60, 0, 3600)),
        env.integer("CACHE_MAX_ENTRIES", 10_000, 0, 10_000_000),
        Duration.ofSeconds(env.integer("CATALOG_CACHE_TTL_SECONDS", 600, 1, 86_400)));
  }
}
