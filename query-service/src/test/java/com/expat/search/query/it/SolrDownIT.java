package com.expat.search.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.common.solr.IndexNames;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SolrDownIT {
  private static Api api;

  @BeforeAll
  static void start() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    api = Api.start("http://127.0.0.1:" + closedPort + "/solr", IndexNames.defaults(), Duration.ofSeconds(30));
  }

  @AfterAll
  static void stop() {
    if (api != null) {
      api.close();
    }
  }

  @Test
  void searchAnswersServiceUnavailableWithRetryAfter() {
    for (String path : new String[] {"/v1/members/search?q=anna", "/v1/members/search?viewer=1",
        "/v1/members/1/matches", "/v1/members/search?facets=true&city=1", "/v1/events/search?q=hike",
        "/v1/events/search?city=1&radius_km=10", "/v1/members/1/events", "/v1/suggest?q=mu",
        "/v1/suggest?q=munchn&viewer=1"}) {
      Api.Response response = api.getRaw(path);
      assertThat(response.status()).as(path).isEqualTo(503);
      assertThat(response.header("Retry-After")).isEqualTo("1");
      assertThat(response.header("Content-Type")).startsWith("application/problem+json");
      assertThat(response.text()).doesNotContain("Exception", "at com.");
    }
  }

  @Test
  void badInputIsStillABadRequest() {
    assertThat(api.getRaw("/v1/members/search?size=1000").status()).isEqualTo(400);
  }

  @Test
  void theApiIsDescribedInOpenApiAndOnAReadablePage() throws Exception {
    Api.Response openapi = api.getRaw("/openapi.json");
    assertThat(openapi.status()).isEqualTo(200);
    assertThat(openapi.body().path("openapi").asText()).startsWith("3.");
    for (String path : new String[] {"/v1/members/search", "/v1/members/{id}/matches", "/v1/events/search",
        "/v1/members/{id}/events", "/v1/suggest", "/health/live", "/health/ready", "/metrics", "/openapi.json", "/docs"}) {
      assertThat(openapi.body().path("paths").has(path)).as(path).isTrue();
      openapi.body().path("paths").path(path).path("get").path("parameters").forEach(parameter -> {
        String ref = parameter.path("$ref").asText("");
        if (!ref.isEmpty()) {
          assertThat(openapi.body().at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
        }
      });
    }
    Api.Response docs = api.getRaw("/docs");
    assertThat(docs.status()).isEqualTo(200);
    assertThat(docs.header("Content-Type")).startsWith("text/html");
    assertThat(docs.text()).contains("/v1/events/search", "/v1/suggest", "radius_km", "EventItem");
  }

  @Test
  void metricsAreServedInThePrometheusTextFormat() {
    api.getRaw("/v1/events/search?q=x");
    Api.Response metrics = api.getRaw("/metrics");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.header("Content-Type")).startsWith("text/plain");
    assertThat(metrics.text()).contains("http_server_requests_seconds_bucket{", "route=\"/v1/events/search\"",
        "status=\"503\"", "expat_solr_requests_seconds_count{");
  }

  @Test
  void livenessIsUpAndReadinessIsNot() {
    assertThat(api.getRaw("/health/live").status()).isEqualTo(200);
    Api.Response ready = api.getRaw("/health/ready");
    assertThat(ready.status()).isEqualTo(503);
    assertThat(ready.header("Retry-After")).isEqualTo("1");
  }
}
