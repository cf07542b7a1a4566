package com.expat.search.query;

import com.expat.search.common.config.ConfigException;
import com.expat.search.common.config.Env;
import com.expat.search.common.solr.IndexNames;
import com.expat.search.common.solr.SolrSettings;
import com.expat.search.query.health.Warmup;
import com.expat.search.query.ranking.Ranking;
import com.expat.search.ranking.RankingException;
import com.expat.search.ranking.RankingProfiles;
import com.expat.search.vocabulary.InvalidationNotice;
import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Everything the query service is configured with, read from the environment and checked once
 * at start-up; every failure names the variable and its value.
 *
 * @param httpPort 0 picks a free port (tests)
 * @param solr where Solr is; its {@link SolrSettings#requestTimeout()} is here the time all Solr calls
 *     of one API request may take together ({@link com.expat.search.query.solr.RequestBudget})
 * @param searchTtl life of a cached member search answer; zero disables the cache
 * @param matchesTtl life of a cached matches answer; zero disables the cache
 * @param cacheMaxEntries entries per endpoint in the in-process cache
 * @param catalogTtl life of facet labels, city coordinates and interest rarity kept in process
 * @param caches the other endpoints' TTLs and the shared tier
 * @param invalidations the invalidation feed; its absence means cached answers are trusted for
 *     their whole TTL (only right where nothing changes the index, e.g. a frozen demo)
 * @param rankingProfiles the ranking profiles: the ranking module's, or the file {@code
 *     RANKING_PROFILES} names
 * @param shutdownDrain on stop, how long requests in flight may take to finish (new ones are
 *     refused meanwhile) before the server closes their connections
 * @param rankWindow candidates the whole model ranks inside Solr for a first page ({@code
 *     RANK_WINDOW}, {@link Ranking}): fewer cost Solr less and risk leaving out a candidate the
 *     whole model would have put on the page
 * @param rankingOverrides whether ranked requests may set custom weights ({@code weights=}, {@code
 *     RANKING_OVERRIDES=on}); off for the website, on for a relevance workbench
 * @param debugEndpoints whether {@code /debug/...} endpoints for engineers are served ({@code
 *     DEBUG_ENDPOINTS}, default off: they reveal blocks and contacts)
 * @param warmup the requests the service asks itself before it reports ready ({@link Warmup});
 *     off in the tests' short constructor
 */
public record QueryServiceConfig(
    int httpPort,
    SolrSettings solr,
    IndexNames cores,
    Duration searchTtl,
    Duration matchesTtl,
    long cacheMaxEntries,
    Duration catalogTtl,
    Caches caches,
    Optional<Invalidations> invalidations,
    RankingProfiles rankingProfiles,
    Duration shutdownDrain,
    int rankWindow,
    boolean rankingOverrides,
    boolean debugEndpoints,
    Warmup.Settings warmup) {

  /** How long requests in flight may take to finish on SIGTERM, unless SHUTDOWN_DRAIN_SECONDS says. */
  public static final Duration DEFAULT_SHUTDOWN_DRAIN = Duration.ofSeconds(10);

  /**
   * @param memcachedServers {@code host:port host:port}; empty: in-process cache only
   * @param memcachedOpTimeout time limit of each Memcached call
   * @param breakerFailures consecutive Memcached failures that open the breaker
   * @param breakerOpenFor how long an open breaker stops calling Memcached before a probe
   */
  public record Caches(
      Duration eventsTtl,
      Duration memberEventsTtl,
      Duration suggestTtl,
      Optional<String> memcachedServers,
      Duration memcachedConnectTimeout,
      Duration memcachedOpTimeout,
      int breakerFailures,
      Duration breakerOpenFor) {

    public static Caches defaults() {
      return new Caches(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(60), Optional.empty(),
          Duration.ofMillis(200), Duration.ofMillis(50), 5, Duration.ofSeconds(10));
    }

    public Caches withMemcached(String servers) {
      return new Caches(eventsTtl, memberEventsTtl, suggestTtl, Optional.of(servers), memcachedConnectTimeout,
          memcachedOpTimeout, breakerFailures, breakerOpenFor);
    }

    public Caches withBreaker(int failures, Duration openFor) {
      return new Caches(eventsTtl, memberEventsTtl, suggestTtl, memcachedServers, memcachedConnectTimeout,
          memcachedOpTimeout, failures, openFor);
    }
  }

  /**
   * @param amqpUri the RabbitMQ carrying the notices
   * @param exchange the fan-out exchange the indexer publishes them on
   * @param unconfirmedTtl while the feed is down (and for answers cached before it was last
   *     re-established) cached answers are served only while younger than this; 0: not at all
   */
  public record Invalidations(URI amqpUri, String exchange, Duration unconfirmedTtl) {
    public static final String DEFAULT_EXCHANGE = InvalidationNotice.EXCHANGE;

    public Invalidations {
      Objects.requireNonNull(amqpUri, "amqpUri");
      Objects.requireNonNull(exchange, "exchange");
    }
  }

  /** The variables read, with their defaults, for {@code serve --help}. */
  static final String VARIABLES =
      """
      Environment variables:
        SOLR_ZK_HOSTS                     ZooKeeper of a SolrCloud cluster, e.g. 127.0.0.1:9983; takes precedence
                                          over SOLR_URL (reads go to live replicas, a dead node is skipped)
        SOLR_URL                          base URL of a Solr node (required without SOLR_ZK_HOSTS)
        SOLR_CONNECT_TIMEOUT_MS           Solr connect timeout (default 500)
        SOLR_REQUEST_TIMEOUT_MS           time the Solr calls of one API request may take together, each waiting at
                                          most for what is left (default 800 here: an index that does not answer, or
                                          answers slowly and then stalls, is a 503 within a second)
        EXPAT_MEMBERS_CORE                members core or alias (default members)
        EXPAT_EVENTS_CORE                 events core or alias (default events)
        EXPAT_CATALOG_CORE                catalog core or alias (default catalog)
                                          (SOLR_MEMBERS_CORE, SOLR_EVENTS_CORE, SOLR_CATALOG_CORE: deprecated aliases)
        HTTP_PORT                         port to listen on (default 8080)
        CACHE_SEARCH_TTL_SECONDS          life of a cached /v1/members/search answer, 0 = off (default 30)
        CACHE_MATCHES_TTL_SECONDS         life of a cached /v1/members/{id}/matches answer, 0 = off (default 60)
        CACHE_EVENTS_TTL_SECONDS          life of a cached /v1/events/search answer, 0 = off (default 30)
        CACHE_MEMBER_EVENTS_TTL_SECONDS   life of a cached /v1/members/{id}/events answer, 0 = off (default 60)
        CACHE_SUGGEST_TTL_SECONDS         life of a cached /v1/suggest answer, 0 = off (default 60)
        CACHE_MAX_ENTRIES                 entries per endpoint in the in-process cache (default 5000)
        CATALOG_CACHE_TTL_SECONDS         life of facet labels, city coordinates, interest rarity (default 600)
        MEMCACHED_SERVERS                 shared cache, space-separated host:port list (default unset: in-process only)
        MEMCACHED_CONNECT_TIMEOUT_MS      Memcached connect timeout (default 200)
        MEMCACHED_OP_TIMEOUT_MS           time limit of each Memcached call (default 50)
        MEMCACHED_BREAKER_FAILURES        consecutive failures that stop Memcached calls (default 5)
        MEMCACHED_BREAKER_OPEN_SECONDS    how long they stop before a probe (default 10)
        AMQP_URI                          RabbitMQ of the invalidation feed (default amqp://guest:guest@127.0.0.1:5672/)
        INVALIDATION_EXCHANGE             fan-out exchange of the indexer's notices (default expat.search.invalidations)
        INVALIDATIONS                     on, or off to trust cached answers for their TTL (default on)
        CACHE_UNCONFIRMED_TTL_SECONDS     longest life of a cached answer while the feed is down, 0 = none (default 2)
        RANK_WINDOW                       candidates Solr pre-ranks for the whole model to rank, 20..1000 (default 300);
                                          matches, member search and events rank inside Solr (the expat_matches /
                                          expat_events plugin is required; RANK_IN_SOLR and SOLR_PRERANK are gone)
        RANKING_PROFILES                  a ranking profiles JSON file replacing the shipped ones (default unset)
        RANKING_OVERRIDES                 on: ranked requests may set weights=feature:value,... (default off)
        SHUTDOWN_DRAIN_SECONDS            on SIGTERM, how long requests in flight may take to finish (default 10)
        WARMUP_REQUESTS                   requests (matches, member searches) the service asks itself after it starts and
                                          before /health/ready says 200, warming Solr's and its own code; 0 = off (default 300)
        WARMUP_TIME_LIMIT_SECONDS         the longest the warm-up holds readiness back, 0 = off (default 60)
        DEBUG_ENDPOINTS                   on: serve /debug/... for engineers (why a member is not among the matches);
                                          they reveal blocks and contacts, never enable them where the website reaches (default off)
      """;

  private static final Pattern SERVER = Pattern.compile("[^\\s:]+:\\d{1,5}");

  public QueryServiceConfig {
    Objects.requireNonNull(solr, "solr");
    Objects.requireNonNull(cores, "cores");
    Objects.requireNonNull(caches, "caches");
    Objects.requireNonNull(invalidations, "invalidations");
    Objects.requireNonNull(rankingProfiles, "rankingProfiles");
    Objects.requireNonNull(shutdownDrain, "shutdownDrain");
    Objects.requireNonNull(warmup, "warmup");
    if (httpPort < 0 || httpPort > 65535) {
      throw new ConfigException("HTTP_PORT=" + httpPort + " is outside 0..65535");
    }
    if (rankWindow < Ranking.MIN_WINDOW || rankWindow > Ranking.MAX_WINDOW) {
      throw new ConfigException("RANK_WINDOW=" + rankWindow + " is outside " + Ranking.MIN_WINDOW + ".."
          + Ranking.MAX_WINDOW);
    }
  }

  /** In-process caches only, no invalidation feed: the first cut's configuration (tests). */
  public QueryServiceConfig(int httpPort, SolrSettings solr, IndexNames cores, Duration searchTtl,
      Duration matchesTtl, long cacheMaxEntries, Duration catalogTtl) {
    this(httpPort, solr, cores, searchTtl, matchesTtl, cacheMaxEntries, catalogTtl, Caches.defaults(),
        Optional.empty(), RankingProfiles.load(), DEFAULT_SHUTDOWN_DRAIN, Ranking.WINDOW, false,
        false, Warmup.Settings.OFF);
  }

  public QueryServiceConfig withCaches(Caches caches) {
    return new QueryServiceConfig(httpPort, solr, cores, searchTtl, matchesTtl, cacheMaxEntries, catalogTtl,
        caches, invalidations, rankingProfiles, shutdownDrain, rankWindow,
        rankingOverrides, debugEndpoints, warmup);
  }

  public QueryServiceConfig withInvalidations(Invalidations invalidations) {
    return new QueryServiceConfig(httpPort, solr, cores, searchTtl, matchesTtl, cacheMaxEntries, catalogTtl,
        caches, Optional.of(invalidations), rankingProfiles, shutdownDrain, rankWindow,
        rankingOverrides, debugEndpoints, warmup);
  }

  public QueryServiceConfig withRankWindow(int window) {
    return new QueryServiceConfig(httpPort, solr, cores, searchTtl, matchesTtl, cacheMaxEntries, catalogTtl,
        caches, invalidations, rankingProfiles, shutdownDrain, window,
        rankingOverrides, debugEndpoints, warmup);
  }

  public QueryServiceConfig withRankingOverrides(boolean on) {
    return new QueryServiceConfig(httpPort, solr, cores, searchTtl, matchesTtl, cacheMaxEntries, catalogTtl,
        caches, invalidations, rankingProfiles, shutdownDrain, rankWindow, on, debugEndpoints, warmup);
  }

  public QueryServiceConfig withDebugEndpoints(boolean on) {
    return new QueryServiceConfig(httpPort, solr, cores, searchTtl, matchesTtl, cacheMaxEntries, catalogTtl,
        caches, invalidations, rankingProfiles, shutdownDrain, rankWindow, rankingOverrides, on, warmup);
  }

  public QueryServiceConfig withRankingProfiles(RankingProfiles profiles) {
    return new QueryServiceConfig(httpPort, solr, cores, searchTtl, matchesTtl, cacheMaxEntries, catalogTtl,
        caches, invalidations, profiles, shutdownDrain, rankWindow,
        rankingOverrides, debugEndpoints, warmup);
  }

  public QueryServiceConfig withWarmup(Warmup.Settings settings) {
    return new QueryServiceConfig(httpPort, solr, cores, searchTtl, matchesTtl, cacheMaxEntries, catalogTtl,
        caches, invalidations, rankingProfiles, shutdownDrain, rankWindow, rankingOverrides, debugEndpoints,
        settings);
  }

  /** Warm-up requests unless WARMUP_REQUESTS says (docs/operations.md, "Cold start"). */
  static final int DEFAULT_WARMUP_REQUESTS = 300;

  /** Default of {@code SOLR_REQUEST_TIMEOUT_MS} in the query service: the Solr time of one request. */
  static final Duration DEFAULT_SOLR_BUDGET = Duration.ofMillis(800);

  /**
   * @throws ConfigException naming the first bad variable, or SOLR_URL when neither it nor
   *     SOLR_ZK_HOSTS is set
   */
  public static QueryServiceConfig from(Env env) {
    refuseRemoved(env);
    SolrSettings solr = SolrSettings.from(env);
    if (env.optional("SOLR_REQUEST_TIMEOUT_MS").isEmpty()) {
      // Every Solr call of one request together: a Solr that never answers, or answers slowly and
      // then stalls, costs a request this long, the contract's "503 within a second"
      // (SolrUnavailableIT, RequestBudgetIT; the service's RequestBudget).
      solr = solr.withRequestTimeout(DEFAULT_SOLR_BUDGET);
    }
    if (solr.url().isEmpty() && solr.zkHosts().isEmpty()) {
      throw new ConfigException("SOLR_URL is not set: give the base URL of a Solr node, or SOLR_ZK_HOSTS"
          + " for a SolrCloud cluster (bin/expat-search serve resolves the bundled Solr)");
    }
    Optional<String> servers = env.optional("MEMCACHED_SERVERS").map(String::strip).filter(s -> !s.isEmpty());
    servers.ifPresent(list -> {
      for (String server : list.split("\\s+")) {
        if (!SERVER.matcher(server).matches()) {
          throw new ConfigException("MEMCACHED_SERVERS='" + list + "': '" + server + "' is not host:port");
        }
      }
    });
    Caches caches = new Caches(
        seconds(env, "CACHE_EVENTS_TTL_SECONDS", 30),
        seconds(env, "CACHE_MEMBER_EVENTS_TTL_SECONDS", 60),
        seconds(env, "CACHE_SUGGEST_TTL_SECONDS", 60),
        servers,
        Duration.ofMillis(env.integer("MEMCACHED_CONNECT_TIMEOUT_MS", 200, 1, 60_000)),
        Duration.ofMillis(env.integer("MEMCACHED_OP_TIMEOUT_MS", 50, 1, 10_000)),
        env.integer("MEMCACHED_BREAKER_FAILURES", 5, 1, 1_000),
        Duration.ofSeconds(env.integer("MEMCACHED_BREAKER_OPEN_SECONDS", 10, 1, 3_600)));
    boolean feed = onOff(env, "INVALIDATIONS", "on");
    Optional<Invalidations> invalidations = !feed ? Optional.empty() : Optional.of(new Invalidations(
        env.uri("AMQP_URI", "amqp", "amqps").orElse(URI.create("amqp://guest:guest@127.0.0.1:5672/")),
        env.string("INVALIDATION_EXCHANGE", Invalidations.DEFAULT_EXCHANGE),
        seconds(env, "CACHE_UNCONFIRMED_TTL_SECONDS", 2)));
    return new QueryServiceConfig(
        env.integer("HTTP_PORT", 8080, 0, 65535),
        solr,
        IndexNames.from(env),
        seconds(env, "CACHE_SEARCH_TTL_SECONDS", 30),
        seconds(env, "CACHE_MATCHES_TTL_SECONDS", 60),
        env.integer("CACHE_MAX_ENTRIES", 5_000, 0, 10_000_000),
        Duration.ofSeconds(env.integer("CATALOG_CACHE_TTL_SECONDS", 600, 1, 86_400)),
        caches,
        invalidations,
        rankingProfiles(env),
        Duration.ofSeconds(env.integer("SHUTDOWN_DRAIN_SECONDS", (int) DEFAULT_SHUTDOWN_DRAIN.toSeconds(), 0, 3600)),
        env.integer("RANK_WINDOW", Ranking.WINDOW, Ranking.MIN_WINDOW, Ranking.MAX_WINDOW),
        onOff(env, "RANKING_OVERRIDES", "off"),
        onOff(env, "DEBUG_ENDPOINTS", "off"),
        new Warmup.Settings(env.integer("WARMUP_REQUESTS", DEFAULT_WARMUP_REQUESTS, 0, 100_000),
            Duration.ofSeconds(env.integer("WARMUP_TIME_LIMIT_SECONDS", 60, 0, 3_600)),
            Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()))));
  }

  /**
   * The two-stage path's switches are gone: members and events always rank inside Solr. A
   * deployment that still asks for the old path is told so rather than silently served the new one.
   */
  private static void refuseRemoved(Env env) {
    env.optional("RANK_IN_SOLR").map(String::strip).filter(value -> !value.equalsIgnoreCase("auto")).ifPresent(value -> {
      throw new ConfigException("RANK_IN_SOLR='" + value + "': the two-stage path was removed; members and events"
          + " always rank inside Solr (unset RANK_IN_SOLR)");
    });
    env.optional("SOLR_PRERANK").map(String::strip).filter(value -> !value.equalsIgnoreCase("auto")).ifPresent(value -> {
      throw new ConfigException("SOLR_PRERANK='" + value + "': the pre-rank's Solr functions were removed; the"
          + " pre-rank runs inside Solr's ranking (unset SOLR_PRERANK)");
    });
  }

  /** The shipped profiles, or those of the file RANKING_PROFILES names, checked now. */
  private static RankingProfiles rankingProfiles(Env env) {
    Optional<String> file = env.optional("RANKING_PROFILES").map(String::strip).filter(s -> !s.isEmpty());
    if (file.isEmpty()) {
      return RankingProfiles.load();
    }
    try {
      return RankingProfiles.load(Path.of(file.get()));
    } catch (RankingException | InvalidPathException e) {
      throw new ConfigException("RANKING_PROFILES='" + file.get() + "': " + e.getMessage());
    }
  }

  /**
   * @throws ConfigException naming {@code name} when it is neither on nor off
   */
  private static boolean onOff(Env env, String name, String defaultValue) {
    String mode = env.string(name, defaultValue).strip();
    if (!mode.equals("on") && !mode.equals("off")) {
      throw new ConfigException(name + "='" + mode + "' must be on or off");
    }
    return mode.equals("on");
  }

  private static Duration seconds(Env env, String name, int defaultValue) {
    return Duration.ofSeconds(env.integer(name, defaultValue, 0, 3600));
  }

  /** The longest TTL of any endpoint: how long changes must be remembered. */
  public Duration longestTtl() {
    Duration longest = searchTtl;
    for (Duration ttl : new Duration[] {matchesTtl, caches.eventsTtl(), caches.memberEventsTtl(), caches.suggestTtl()}) {
      if (ttl.compareTo(longest) > 0) {
        longest = ttl;
      }
    }
    return longest;
  }
}
