package com.expat.search.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.common.solr.IndexNames;
import com.expat.search.query.health.Warmup;
import com.expat.search.testing.solr.SolrCores;
import com.expat.search.testing.solr.SolrExtension;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A service with a warm-up reports ready only once it has asked itself real matches and member
 * searches through its own HTTP API (the Solr of a just started pair answered 503s for 25 s
 * otherwise: docs/benchmarks.md, "Cold start").
 */
@ExtendWith(SolrExtension.class)
class WarmupIT {
  /** Matches requests served, by status and cache result: one line each. */
  private static final Pattern MATCHES_SERVED = Pattern.compile(
      "http_server_requests_seconds_count\\{[^}]*route=\"/v1/members/\\{id}/matches\"[^}]*} (\\d+)");

  @Test
  void readyOnlyOnceTheServiceHasAskedItselfMatchesAndSearches(SolrCores solr) throws Exception {
    World.index(solr);
    IndexNames cores = new IndexNames(solr.members(), solr.events(), solr.catalog());
    try (Api api = Api.start(Api.config(solr.baseUrl(), cores, Duration.ZERO)
        .withWarmup(new Warmup.Settings(12, Duration.ofSeconds(120), 2)))) {
      Api.Response ready = api.get("/health/ready");
      for (long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
          ready.status() != 200 && System.nanoTime() < until; ready = api.get("/health/ready")) {
        Thread.sleep(50);
      }

      assertThat(ready.status()).as(ready.text()).isEqualTo(200);
      assertThat(ready.body().path("conditions").path("warmed_up").asText()).isEqualTo("yes");
      long served = 0;
      for (Matcher line = MATCHES_SERVED.matcher(api.get("/metrics").text()); line.find(); ) {
        served += Long.parseLong(line.group(1));
      }
      assertThat(served).as("matches the service served before it was ready: the warm-up's, 2 of every 3 of its 12")
          .isEqualTo(8);
    }
  }

  @Test
  void withoutAWarmupReadinessHasNoSuchCondition(SolrCores solr) throws Exception {
    IndexNames cores = new IndexNames(solr.members(), solr.events(), solr.catalog());
    try (Api api = Api.start(Api.config(solr.baseUrl(), cores, Duration.ZERO))) {
      assertThat(api.get("/health/ready").body().path("conditions").has("warmed_up")).isFalse();
    }
  }
}
