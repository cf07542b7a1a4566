package com.expat.search.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.common.solr.IndexNames;
import com.expat.search.common.solr.SolrSettings;
import com.expat.search.query.QueryServiceConfig;
import com.expat.search.testing.solr.SolrCores;
import com.expat.search.testing.solr.SolrExtension;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The contract's "an unavailable index: a 503 with Retry-After within a second (never a hang)" for a
 * Solr that answers one call slowly and then stalls: the Solr calls of one API request share one
 * time budget ({@code SOLR_REQUEST_TIMEOUT_MS}), so a slow first answer leaves the next call only
 * what is left of it, not a time limit of its own.
 */
@ExtendWith(SolrExtension.class)
class RequestBudgetIT {
  /** The budget of these tests: with the slow first answer below, two budgets exceed the contract's second. */
  private static final Duration BUDGET = Duration.ofMillis(700);
  /** The first answer's delay: well inside the budget, and with a whole budget after it, past the second. */
  private static final Duration SLOW = Duration.ofMillis(400);
  private static final long CONTRACT_MILLIS = 1_000;
  /**
   * Each asks Solr at least twice when nothing is kept: the viewer (or member), then the query.
   * Matches, member search in other orders, a member's events and event search with a viewer ask
   * once (Solr reads the viewer or member in the ranked request, members.Viewers): their one call
   * has the same budget, but no second call to stall.
   */
  private static final String[] PATHS = {"/v1/members/search?viewer=1&sort=distance",
      "/v1/members/search?q=anna&viewer=1&sort=distance", "/v1/suggest?q=an&viewer=1"};

  private static SolrCores solr;
  private static SlowThenStallingSolr forwarder;

  @BeforeAll
  static void world(SolrCores cores) throws Exception {
    solr = cores;
    World.index(cores);
    forwarder = new SlowThenStallingSolr(cores.baseUrl(), cores.catalog());
    // Solr's first answers on fresh cores (caches, the ranking plugin's columns) are slow on a
    // loaded machine; the tests time what comes after.
    try (Api api = Api.start(new QueryServiceConfig(0, SolrSettings.at(URI.create(cores.baseUrl()))
        .withRequestTimeout(Duration.ofSeconds(30)), cores(cores), Duration.ZERO, Duration.ZERO, 0, Duration.ofMinutes(10)))) {
      for (String path : PATHS) {
        assertThat(api.getRaw(path).status()).as(path).isEqualTo(200);
      }
    }
  }

  @AfterAll
  static void close() {
    forwarder.close();
  }

  @Test
  void aSolrThatAnswersSlowlyThenStallsCostsEachRequestNoMoreThanItsBudget() {
    // Answers are not kept, so every request asks Solr the same way (viewer first, then the query).
    QueryServiceConfig config = new QueryServiceConfig(0, settings(forwarder.baseUrl()), cores(),
        Duration.ZERO, Duration.ZERO, 0, Duration.ofMinutes(10));
    try (Api api = Api.start(config)) {
      for (String path : PATHS) {
        int stalledBefore = forwarder.stalled();
        forwarder.slowThenStall(SLOW);
        long started = System.nanoTime();
        Api.Response response = api.getRaw(path);
        long millis = (System.nanoTime() - started) / 1_000_000;
        forwarder.pass();

        // Each request has a budget of its own: the slow answer left it time for another call.
        assertThat(forwarder.stalled()).as(path + ": a call after the slow one was made and stalled")
            .isGreaterThan(stalledBefore);
        assertThat(response.status()).as(path).isEqualTo(503);
        assertThat(response.header("Retry-After")).as(path).isEqualTo("1");
        assertThat(response.header("Content-Type")).as(path).startsWith("application/problem+json");
        assertThat(response.body().path("status").asInt()).as(path).isEqualTo(503);
        assertThat(millis).as(path + " answered within the contract's second").isLessThan(CONTRACT_MILLIS);
      }
    }
  }

  @Test
  void aRequestCutByItsBudgetLeavesNothingCached() {
    // A budget that the answers after the cut never meet on a loaded machine: this is about the cache.
    QueryServiceConfig config = new QueryServiceConfig(0,
        SolrSettings.at(URI.create(forwarder.baseUrl())).withRequestTimeout(Duration.ofSeconds(3)), cores(),
        Duration.ofSeconds(30), Duration.ofSeconds(30), 1_000, Duration.ofMinutes(10));
    try (Api api = Api.start(config)) {
      forwarder.slowThenStall(SLOW);
      // Two calls (the viewer, then the query): the second is cut.
      String path = "/v1/members/search?viewer=2&sort=distance";
      Api.Response cut = api.getRaw(path);
      forwarder.pass();
      assertThat(cut.status()).isEqualTo(503);

      Api.Response first = api.getRaw(path);
      assertThat(first.status()).isEqualTo(200);
      assertThat(first.header("X-Cache")).as("the 503 was not kept").isEqualTo("miss");
      assertThat(api.getRaw(path).header("X-Cache")).as("the answer is").isEqualTo("hit");
    }
  }

  private static SolrSettings settings(String url) {
    return SolrSettings.at(URI.create(url)).withRequestTimeout(BUDGET);
  }

  private static IndexNames cores() {
    return cores(solr);
  }

  private static IndexNames cores(SolrCores cores) {
    return new IndexNames(cores.members(), cores.events(), cores.catalog());
  }
}
