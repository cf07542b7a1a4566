package com.expat.search.query;

import com.expat.search.common.solr.SolrClients;
import com.expat.search.query.cache.HiddenMembers;
import com.expat.search.query.cache.ResponseCaches;
import com.expat.search.query.health.HealthApi;
import com.expat.search.query.http.HttpApi;
import com.expat.search.query.http.Json;
import com.expat.search.query.matches.MatchesApi;
import com.expat.search.query.ranking.MemberRanking;
import com.expat.search.query.ranking.MemberRankings;
import com.expat.search.query.search.MemberSearchApi;
import com.expat.search.query.solr.SolrIndex;
import com.github.benmanes.caffeine.cache.Ticker;
import io.javalin.Javalin;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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

  private final SolrClient solr;
  private final ExecutorService healthChecks;
  private final Javalin app;

  private QueryService(SolrClient solr, ExecutorService healthChecks, Javalin app) {
    this.solr = solr;
    this.healthChecks = healthChecks;
    this.app = app;
  }

  /** Builds the service and starts listening on {@code config.httpPort()} (0: a free port). */
  public static QueryService start(QueryServiceConfig config) {
    SolrClient client = SolrClients.create(config.solr());
    ExecutorService healthChecks = Executors.newFixedThreadPool(2, runnable -> {
      Thread thread = new Thread(runnable, "health-check");
      thread.setDaemon(true);
      return thread;
    });
    try {
      Json json = new Json();
      SolrIndex index = new SolrIndex(client);
      MemberRanking ranking = MemberRankings.simple();
      Ticker ticker = Ticker.systemTicker();
      HiddenMembers hidden = HiddenMembers.NONE;
      Javalin app = HttpApi.create(json, List.of(
          new HealthApi(json, index, List.of(config.cores().members(), config.cores().events()),
              Duration.ofMillis(1_000), healthChecks),
          new MemberSearchApi(json, index, config.cores(), ranking,
              ResponseCaches.inProcess(config.searchTtl(), config.cacheMaxEntries(), ticker),
              hidden, config.catalogTtl(), ticker),
          new MatchesApi(json, index, config.cores(), ranking,
              ResponseCaches.inProcess(config.matchesTtl(), config.cacheMaxEntries(), ticker),
              hidden, config.catalogTtl(), ticker)));
      app.start(config.httpPort());
      LOG.info("query service listening on port {}, Solr at {}", app.port(), config.solr().url().orElseThrow());
      return new QueryService(client, healthChecks, app);
    } catch (RuntimeException e) {
      healthChecks.shutdownNow();
      closeQuietly(client);
      throw e;
    }
  }

  public int port() {
    return app.port();
  }

  /** Stops taking requests, lets those in flight finish (up to 5 s), then releases Solr. */
  @Override
  public void close() {
    app.stop();
    healthChecks.shutdownNow();
    closeQuietly(solr);
  }

  private static void closeQuietly(SolrClient client) {
    try {
      client.close();
    } catch (IOException e) {
      LOG.warn("closing the Solr client failed", e);
    }
  }
}
