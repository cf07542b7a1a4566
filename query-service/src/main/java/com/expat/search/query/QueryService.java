package com.expat.search.query;

import com.expat.search.common.solr.SolrClients;
import com.expat.search.query.cache.CircuitBreaker;
import com.expat.search.query.catalog.Catalog;
import com.expat.search.query.cache.Dependencies;
import com.expat.search.query.cache.Freshness;
import com.expat.search.query.cache.MemcachedSharedCache;
import com.expat.search.query.cache.ResponseCache;
import com.expat.search.query.cache.ResponseCaches;
import com.expat.search.query.cache.SharedCache;
import com.expat.search.query.docs.ApiDocs;
import com.expat.search.query.events.EventPage;
import com.expat.search.query.events.EventSearchRequest;
import com.expat.search.query.events.EventsApi;
import com.expat.search.query.events.MemberEventsRequest;
import com.expat.search.query.health.HealthApi;
import com.expat.search.query.health.Warmup;
import com.expat.search.query.http.HttpApi;
import com.expat.search.query.http.Routes;
import com.expat.search.query.http.Json;
import com.expat.search.query.invalidation.AmqpInvalidationSource;
import com.expat.search.query.invalidation.InvalidationSource;
import com.expat.search.query.matches.MatchesApi;
import com.expat.search.query.matches.MatchesDebugApi;
import com.expat.search.query.matches.MatchesRequest;
import com.expat.search.query.members.MemberDirectory;
import com.expat.search.query.members.Viewers;
import com.expat.search.query.members.MemberItem;
import com.expat.search.query.members.MemberPage;
import com.expat.search.query.metrics.HttpMetrics;
import com.expat.search.query.metrics.MetricsApi;
import com.expat.search.query.ranking.InterestRarity;
import com.expat.search.query.ranking.RankInSolr;
import com.expat.search.query.ranking.Ranking;
import com.expat.search.query.search.CatalogLookup;
import com.expat.search.query.search.MemberSearchApi;
import com.expat.search.query.search.MemberSearchRequest;
import com.expat.search.query.solr.RequestBudget;
import com.expat.search.query.solr.SolrIndex;
import com.expat.search.query.suggest.SuggestApi;
import com.expat.search.query.suggest.SuggestRequest;
import com.expat.search.query.suggest.Suggestions;
import com.expat.search.vocabulary.InvalidationNotice;
import com.github.benmanes.caffeine.cache.Ticker;
import io.javalin.Javalin;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmCompilationMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.BooleanSupplier;
import java.util.concurrent.TimeUnit;
import org.apache.solr.client.solrj.SolrClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running query service: builds everything from a {@link QueryServiceConfig} and owns it until
 * {@link #close()}. {@link QueryServiceMain} starts one for {@code serve}; tests start one on
 * port 0 and call it over HTTP.
 */
public final class QueryService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(QueryService.class);
  /** Clocks of instances sharing Memcached may differ by this much. */
  private static final Duration CLOCK_SKEW = Duration.ofSeconds(1);

  private final SolrClient solr;
  private final ExecutorService healthChecks;
  private final SharedCache shared;
  private final Optional<InvalidationSource> invalidations;
  private final Freshness freshness;
  private final Javalin app;
  private final Warmup warmup;
  private final Duration drain;

  private QueryService(SolrClient solr, ExecutorService healthChecks, SharedCache shared,
      Optional<InvalidationSource> invalidations, Freshness freshness, Javalin app, Warmup warmup, Duration drain) {
    this.solr = solr;
    this.healthChecks = healthChecks;
    this.shared = shared;
    this.invalidations = invalidations;
    this.freshness = freshness;
    this.app = app;
    this.warmup = warmup;
    this.drain = drain;
  }

  /** Builds the service and starts listening on {@code config.httpPort()} (0: a free port). */
  public static QueryService start(QueryServiceConfig config) {
    SolrClient client = SolrClients.forReads(config.solr());
    ExecutorService healthChecks = Executors.newFixedThreadPool(2, runnable -> {
      Thread thread = new Thread(runnable, "health-check");
      thread.setDaemon(true);
      return thread;
    });
    List<AutoCloseable> opened = new ArrayList<>();
    try {
      Clock clock = Clock.systemUTC();
      PrometheusMeterRegistry registry = registry(opened);
      Json json = new Json();
      Ticker ticker = Ticker.systemTicker();
      RequestBudget budget = new RequestBudget(config.solr().requestTimeout(), ticker);
      SolrIndex index = SolrIndex.of(client, registry, config.solr(), budget);
      Ranking ranking = new Ranking(config.rankingProfiles(),
          new InterestRarity(index, config.cores().members(), config.catalogTtl(), ticker), clock,
          config.rankWindow(), config.rankingOverrides());
      // Members rank only inside Solr: a Solr that answers without the plugin stops the start.
      RankInSolr.requirePlugin(index, config.cores().members(), ranking.probe());
      // On one node a member's events and event search let Solr read the member (members.Viewers): ask for that too.
      if (viewerReadInSolr(config)) {
        EventsApi.requireMemberReadInSolr(index, config.cores(), ranking);
      }
      SharedCache shared = sharedCache(config, clock, registry);
      opened.add(shared);
      Freshness freshness = freshness(config, clock);
      Optional<InvalidationSource> source = invalidations(config, json, freshness, registry);
      source.ifPresent(opened::add);
      Caches caches = Caches.of(config, shared, json, freshness, registry);
      // One reading of the catalog core serves names, city points and radii; read apart from requests.
      // Asking starts the first reading, so it runs while the service starts.
      Catalog cities = new Catalog(index, config.cores().catalog(), config.catalogTtl(), ticker, budget,
          catalogReader());
      cities.isRead();
      // Without the city points every matches request is a 503: the warm-up waits for them.
      Warmup warmup = new Warmup(config.warmup(), System::nanoTime, cities::isRead);
      List<Routes> features = features(config, json, index, ranking, caches, freshness, healthChecks, ticker,
          registry, cities, warmup);
      Javalin app = HttpApi.create(json, features, new HttpMetrics(registry)::record, config.shutdownDrain(), budget);
      app.start(config.httpPort());
      LOG.info("query service listening on port {}, Solr: {}, shared cache {}, invalidation feed {}",
          app.port(), config.solr().where(),
          config.caches().memcachedServers().orElse("none"),
          config.invalidations().map(feed -> feed.exchange()).orElse("off (TTLs trusted)"));
      // Readiness waits for it: the first requests a load balancer sends then meet warm code.
      warmup.start(app.port(), json.mapper());
      return new QueryService(client, healthChecks, shared, source, freshness, app, warmup, config.shutdownDrain());
    } catch (RuntimeException e) {
      healthChecks.shutdownNow();
      opened.forEach(QueryService::closeQuietly);
      closeQuietly(client);
      throw e;
    }
  }

  /**
   * Prometheus with the JVM's heap, GC pauses, threads, CPU and JIT compilation time: a heap sized for
   * the job is checked, and {@code bench cost} tells a service still compiling from one at its steady cost.
   */
  private static PrometheusMeterRegistry registry(List<AutoCloseable> opened) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    JvmGcMetrics gcMetrics = new JvmGcMetrics();
    gcMetrics.bindTo(registry);
    opened.add(gcMetrics);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new JvmCompilationMetrics().bindTo(registry);
    return registry;
  }

  private static SharedCache sharedCache(QueryServiceConfig config, Clock clock, PrometheusMeterRegistry registry) {
    return config.caches().memcachedServers()
        .<SharedCache>map(servers -> MemcachedSharedCache.connect(
            servers,
            config.caches().memcachedConnectTimeout(),
            config.caches().memcachedOpTimeout(),
            new CircuitBreaker(config.caches().breakerFailures(), config.caches().breakerOpenFor(), clock),
            registry))
        .orElse(SharedCache.NONE);
  }

  private static Freshness freshness(QueryServiceConfig config, Clock clock) {
    return config.invalidations()
        .map(feed -> new Freshness(clock, config.longestTtl().plus(CLOCK_SKEW).plusSeconds(10), CLOCK_SKEW,
            feed.unconfirmedTtl()))
        .orElseGet(() -> Freshness.trustingTtls(clock));
  }

  /** The indexer's notices, started and feeding {@code freshness}; empty with INVALIDATIONS=off. */
  private static Optional<InvalidationSource> invalidations(QueryServiceConfig config, Json json,
      Freshness freshness, PrometheusMeterRegistry registry) {
    Optional<InvalidationSource> source = config.invalidations()
        .map(feed -> new AmqpInvalidationSource(feed.amqpUri(), feed.exchange(), json.mapper(),
            Counter.builder("expat.invalidations.bad.ids")
                .description("entries of invalidation notices that were not ids (skipped)")
                .register(registry)::increment));
    Gauge.builder("expat.invalidations.feed.up", freshness, f -> f.isFeedUp() ? 1 : 0)
        .description("1 while the invalidation feed delivers notices").register(registry);
    Counter notices = Counter.builder("expat.invalidations.notices").register(registry);
    Gauge.builder("expat.invalidations.pending.batches", freshness, Freshness::pendingBatches)
        .description("batches the indexer announced and has not yet reported visible").register(registry);
    source.ifPresent(feed -> feed.start(new InvalidationSource.Listener() {
      @Override
      public void connected() {
        freshness.feedUp();
      }

      @Override
      public void disconnected() {
        freshness.feedDown();
      }

      @Override
      public void notice(InvalidationNotice notice) {
        notices.increment();
        if (notice.isPending()) {
          freshness.pending(notice.batch(), notice.members(), notice.events());
          return;
        }
        freshness.membersChanged(notice.members());
        freshness.eventsChanged(notice.events());
        if (notice.batch() != null) {
          freshness.settled(notice.batch());
        }
      }
    }));
    return source;
  }

  /** One Solr node reads a ranked request's viewer itself; a shard of several cannot (Viewers). */
  private static boolean viewerReadInSolr(QueryServiceConfig config) {
    return config.solr().zkHosts().isEmpty();
  }

  private static List<Routes> features(QueryServiceConfig config, Json json, SolrIndex index, Ranking ranking,
      Caches caches, Freshness freshness, ExecutorService healthChecks, Ticker ticker,
      PrometheusMeterRegistry registry, Catalog cities, Warmup warmup) {
    // One directory for every endpoint: a viewer read for one answer serves the next (MemberDirectory).
    MemberDirectory members = MemberDirectory.cached(index, config.cores().members(), freshness,
        viewerTtl(config), config.cacheMaxEntries(), ticker);
    Viewers viewers = new Viewers(members, viewerReadInSolr(config));
    CatalogLookup catalog = new CatalogLookup(index, cities, config.cores().catalog(), config.cores().members(),
        config.catalogTtl(), ticker);
    // Type-ahead, facet labels, places in text and the matches radius need the catalog: without
    // its core, or before its first reading is in, the service is not ready. With a warm-up, it
    // must have ended too.
    Map<String, BooleanSupplier> conditions = new LinkedHashMap<>();
    conditions.put("catalog_read", cities::isRead);
    if (warmup.on()) {
      conditions.put("warmed_up", warmup::isDone);
    }
    List<Routes> features = new ArrayList<>(List.of(
        new HealthApi(json, index,
            List.of(config.cores().members(), config.cores().events(), config.cores().catalog()),
            Duration.ofMillis(1_000), healthChecks, conditions),
        new MemberSearchApi(json, index, config.cores(), ranking, caches.search(), viewers, catalog),
        new MatchesApi(json, index, config.cores(), ranking, caches.matches(), viewers, catalog, cities),
        new EventsApi(json, index, config.cores(), viewers, catalog, ranking, caches.events(),
            caches.memberEvents()),
        new SuggestApi(json, index, config.cores(), members, caches.suggest()),
        new MetricsApi(registry),
        new ApiDocs(json.mapper())));
    if (config.debugEndpoints()) {
      // Engineers only: these reveal blocks and contacts (docs/contract-additions.md).
      features.add(new MatchesDebugApi(json, index, config.cores(), cities, ranking));
      LOG.warn("DEBUG_ENDPOINTS=on: /debug/... answers who blocked whom; keep this instance away from the website");
    }
    return features;
  }

  /** The catalog's reader: one daemon thread, ended after a minute idle, so nothing needs closing. */
  private static Executor catalogReader() {
    ThreadPoolExecutor reader = new ThreadPoolExecutor(1, 1, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
        runnable -> {
          Thread thread = new Thread(runnable, "catalog-reader");
          thread.setDaemon(true);
          return thread;
        });
    reader.allowCoreThreadTimeOut(true);
    return reader;
  }

  /** One answer cache per endpoint, each invalidated by what its answers depend on. */
  private record Caches(
      ResponseCache<MemberSearchRequest, MemberPage> search,
      ResponseCache<MatchesRequest, MemberPage> matches,
      ResponseCache<EventSearchRequest, EventPage> events,
      ResponseCache<MemberEventsRequest, EventPage> memberEvents,
      ResponseCache<SuggestRequest, Suggestions> suggest) {

    static Caches of(QueryServiceConfig config, SharedCache shared, Json json, Freshness freshness,
        PrometheusMeterRegistry registry) {
      long maxEntries = Math.max(1, config.cacheMaxEntries());
      var mapper = json.mapper();
      return new Caches(
          maxEntries(config, ResponseCaches.tiered(
              "members-search", config.searchTtl(), maxEntries, shared, mapper, MemberPage.class,
              (request, page) -> memberDependencies(page, request.viewer()), freshness, registry)),
          maxEntries(config, ResponseCaches.tiered(
              "matches", config.matchesTtl(), maxEntries, shared, mapper, MemberPage.class,
              (request, page) -> memberDependencies(page, Optional.of(request.memberId())), freshness, registry)),
          maxEntries(config, ResponseCaches.tiered(
              "events-search", config.caches().eventsTtl(), maxEntries, shared, mapper, EventPage.class,
              (request, page) -> new Dependencies(request.viewer().stream().toList(), page.eventIds()),
              freshness, registry)),
          maxEntries(config, ResponseCaches.tiered(
              "member-events", config.caches().memberEventsTtl(), maxEntries, shared, mapper, EventPage.class,
              (request, page) -> new Dependencies(List.of(request.memberId()), page.eventIds()), freshness,
              registry)),
          maxEntries(config, ResponseCaches.tiered(
              "suggest", config.caches().suggestTtl(), maxEntries, shared, mapper, Suggestions.class,
              (request, answer) -> {
                List<Long> members = new ArrayList<>(answer.memberIds());
                request.viewer().ifPresent(members::add);
                return Dependencies.members(members);
              }, freshness, registry)));
    }
  }

  /**
   * A member read as a viewer is kept no longer than the shortest life of the member answers it
   * feeds (search, matches), so no answer is computed from an older one than caches already serve;
   * off with those caches.
   */
  private static Duration viewerTtl(QueryServiceConfig config) {
    return java.util.stream.Stream.of(config.searchTtl(), config.matchesTtl())
        .filter(ttl -> !ttl.isZero()).min(Duration::compareTo).orElse(Duration.ZERO);
  }

  /** A zero CACHE_MAX_ENTRIES turns every cache off, as in the first cut. */
  private static <K, V> ResponseCache<K, V> maxEntries(QueryServiceConfig config, ResponseCache<K, V> cache) {
    return config.cacheMaxEntries() == 0 ? ResponseCaches.none() : cache;
  }

  private static Dependencies memberDependencies(MemberPage page, Optional<Long> asker) {
    List<Long> members = new ArrayList<>(page.items().size() + 1);
    page.items().forEach((MemberItem item) -> members.add(item.id()));
    asker.ifPresent(members::add);
    return Dependencies.members(members);
  }

  public int port() {
    return app.port();
  }

  /** Whether the invalidation feed currently delivers notices (always true without a feed). */
  public boolean invalidationFeedUp() {
    return freshness.isFeedUp();
  }

  /**
   * Stops taking requests (new ones are refused or answered 503), lets those in flight finish (up
   * to {@link QueryServiceConfig#shutdownDrain()}), then closes the invalidation feed, the shared
   * cache and Solr.
   */
  @Override
  public void close() {
    LOG.info("query service stopping: refusing new requests, draining those in flight for up to {}", drain);
    warmup.stop();
    app.stop();
    healthChecks.shutdownNow();
    invalidations.ifPresent(QueryService::closeQuietly);
    closeQuietly(shared);
    closeQuietly(solr);
    LOG.info("query service stopped: requests drained; invalidation feed, shared cache and Solr client closed");
  }

  private static void closeQuietly(AutoCloseable resource) {
    try {
      resource.close();
    } catch (IOException e) {
      LOG.warn("closing {} failed", resource.getClass().getSimpleName(), e);
    } catch (Exception e) {
      LOG.warn("closing {} failed", resource.getClass().getSimpleName(), e);
    }
  }
}
