package com.expat.search.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.common.solr.SolrSettings;
import com.expat.search.query.QueryServiceConfig;
import com.expat.search.common.solr.IndexNames;
import com.expat.search.testing.solr.SolrCores;
import com.expat.search.testing.solr.SolrExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The contract's "an unavailable index: a 503 with Retry-After within a second (never a hang)". */
@ExtendWith(SolrExtension.class)
class SolrUnavailableIT {

  @Test
  void aSolrThatAcceptsConnectionsAndNeverAnswersCostsEachRequestUnderASecondAnd503() throws Exception {
    List<Socket> held = java.util.Collections.synchronizedList(new ArrayList<>());
    try (ServerSocket silent = new ServerSocket(0)) {
      Thread acceptor = new Thread(() -> {
        while (!silent.isClosed()) {
          try {
            held.add(silent.accept()); // accepted, never read, never answered
          } catch (IOException e) {
            return;
          }
        }
      }, "silent-solr");
      acceptor.setDaemon(true);
      acceptor.start();
      // A time limit under the default (800 ms) leaves this shared, loaded test machine room for
      // the rest of each request; what is checked is that no request waits for Solr beyond it.
      QueryServiceConfig config = new QueryServiceConfig(0,
          SolrSettings.at(URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/solr"))
              .withRequestTimeout(Duration.ofMillis(500)),
          IndexNames.defaults(), Duration.ofSeconds(30), Duration.ofSeconds(30), 1_000, Duration.ofMinutes(10));
      try (Api api = Api.start(config)) {
        api.getRaw("/v1/members/search?q=warm-up"); // the first request also loads the service's classes
        for (String path : new String[] {"/v1/members/search?q=anna", "/v1/members/search?viewer=1",
            "/v1/members/1/matches", "/v1/events/search?q=hike", "/v1/members/1/events", "/v1/suggest?q=mu"}) {
          long started = System.nanoTime();
          Api.Response response = api.getRaw(path);
          long millis = (System.nanoTime() - started) / 1_000_000;
          assertThat(response.status()).as(path).isEqualTo(503);
          assertThat(response.header("Retry-After")).as(path).isEqualTo("1");
          assertThat(millis).as(path + " answered within a second").isLessThan(1_000);
        }
      }
    } finally {
      synchronized (held) {
        for (Socket socket : held) {
          socket.close();
        }
      }
    }
  }

  @Test
  void readinessNeedsTheCatalogCoreThatTypeAheadReads(SolrCores solr) {
    try (Api api = Api.start(solr.baseUrl(), new IndexNames(solr.members(), solr.events(), "no_such_catalog"),
        Duration.ofSeconds(30))) {
      Api.Response ready = api.getRaw("/health/ready");
      assertThat(ready.status()).isEqualTo(503);
      assertThat(ready.body().path("cores").path("no_such_catalog").asText()).isEqualTo("down");
      assertThat(ready.body().path("cores").path(solr.members()).asText()).isEqualTo("up");
    }
  }
}
