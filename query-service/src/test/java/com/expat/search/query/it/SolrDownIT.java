package com.expat.search.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.query.solr.IndexNames;
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
        "/v1/members/1/matches", "/v1/members/search?facets=true&city=1"}) {
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
  void livenessIsUpAndReadinessIsNot() {
    assertThat(api.getRaw("/health/live").status()).isEqualTo(200);
    Api.Response ready = api.getRaw("/health/ready");
    assertThat(ready.status()).isEqualTo(503);
    assertThat(ready.header("Retry-After")).isEqualTo("1");
  }
}
