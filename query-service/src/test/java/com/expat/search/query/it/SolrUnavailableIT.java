package com.expat.search.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.common.solr.SolrSettings;
import com.expat.search.query.QueryServiceConfig;
import com.expat.search.common.solr.IndexNames;
import com.expat.search.testing.solr.SolrCores;
import com.expat.search.testing.solr.SolrExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.solr.common.util.JavaBinCodec;
import org.apache.solr.common.util.NamedList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The contract's "an unavailable index: a 503 with Retry-After within a second (never a hang)". */
@ExtendWith(SolrExtension.class)
class SolrUnavailableIT {

  @Test
  void aSolrThatAcceptsConnectionsAndNeverAnswersCostsEachRequestUnderASecondAnd503() throws Exception {
    List<Socket> held = java.util.Collections.synchronizedList(new ArrayList<>());
    try (ServerSocket silent = new ServerSocket(0)) {
      holdEveryConnection(silent, held, socket -> {}); // accepted, never read, never answered
      // A time limit under the default (800 ms) leaves this shared, loaded test machine room for
      // the rest of each request; what is checked is that no request waits for Solr beyond it.
      QueryServiceConfig config = new QueryServiceConfig(0,
          SolrSettings.at(URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/solr"))
              .withRequestTimeout(Duration.ofMillis(500)),
          IndexNames.defaults(), Duration.ofSeconds(30), Duration.ofSeconds(30), 1_000, Duration.ofMinutes(10));
      try (Api api = Api.start(config)) {
        api.getRaw("/v1/members/search?q=warm-up"); // the first request also loads the service's classes
        each503WithinASecond(api, "/v1/members/search?q=anna", "/v1/members/search?viewer=1",
            "/v1/members/1/matches", "/v1/events/search?q=hike", "/v1/members/1/events", "/v1/suggest?q=mu");
      }
    } finally {
      synchronized (held) {
        for (Socket socket : held) {
          socket.close();
        }
      }
    }
  }

  /**
   * Solr's answer cut off mid-body (its connection closed, or the client's time limit struck while
   * reading it) reaches SolrJ as a "parsing error" under the answer's HTTP status 200: an index that
   * did not answer, not a request Solr rejected. Seen under overload as a 500.
   */
  @Test
  void anAnswerCutOffMidBodyIsA503NotA500() throws Exception {
    byte[] bytes = javabinAnswer();
    try (ServerSocket cutting = new ServerSocket(0)) {
      Thread server = new Thread(() -> {
        while (!cutting.isClosed()) {
          try (Socket socket = cutting.accept()) {
            readRequest(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: "
                + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes, 0, bytes.length / 2);
            out.flush();
          } catch (IOException e) {
            // the next connection
          }
        }
      }, "cutting-solr");
      server.setDaemon(true);
      server.start();
      QueryServiceConfig config = new QueryServiceConfig(0,
          SolrSettings.at(URI.create("http://127.0.0.1:" + cutting.getLocalPort() + "/solr")),
          IndexNames.defaults(), Duration.ofSeconds(30), Duration.ofSeconds(30), 1_000, Duration.ofMinutes(10));
      try (Api api = Api.start(config)) {
        for (String path : new String[] {"/v1/members/search?q=anna", "/v1/members/1/matches",
            "/v1/events/search?q=hike", "/v1/suggest?q=mu"}) {
          Api.Response response = api.getRaw(path);
          assertThat(response.status()).as(path).isEqualTo(503);
          assertThat(response.header("Retry-After")).as(path).isEqualTo("1");
        }
      }
    }
  }

  /**
   * Solr's answer starts (status, headers, half the body) and then stops with the connection open:
   * the JDK client's own time limit ends with the headers and its body stream ignores interrupts,
   * so only the request's budget ({@code SOLR_REQUEST_TIMEOUT_MS}, {@code RequestBudget}) ends the
   * wait. It hung until Solr closed the connection.
   */
  @Test
  void anAnswerThatStopsMidBodyIsA503WithinTheBudget() throws Exception {
    byte[] bytes = javabinAnswer();
    List<Socket> held = java.util.Collections.synchronizedList(new ArrayList<>());
    try (ServerSocket stopping = new ServerSocket(0)) {
      holdEveryConnection(stopping, held, socket -> {
        readRequest(socket.getInputStream());
        OutputStream out = socket.getOutputStream();
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: "
            + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes, 0, bytes.length / 2);
        out.flush(); // and nothing more
      });
      QueryServiceConfig config = new QueryServiceConfig(0,
          SolrSettings.at(URI.create("http://127.0.0.1:" + stopping.getLocalPort() + "/solr"))
              .withRequestTimeout(Duration.ofMillis(700)),
          IndexNames.defaults(), Duration.ZERO, Duration.ZERO, 0, Duration.ofMinutes(10));
      try (Api api = Api.start(config)) {
        each503WithinASecond(api, "/v1/members/search?q=anna", "/v1/members/1/matches", "/v1/suggest?q=mu");
      }
    } finally {
      synchronized (held) {
        for (Socket socket : held) {
          socket.close();
        }
      }
    }
  }

  /** Each path answers the 503 problem with {@code Retry-After}, within the contract's second. */
  private static void each503WithinASecond(Api api, String... paths) {
    for (String path : paths) {
      long started = System.nanoTime();
      Api.Response response = api.getRaw(path);
      long millis = (System.nanoTime() - started) / 1_000_000;
      assertThat(response.status()).as(path).isEqualTo(503);
      assertThat(response.header("Retry-After")).as(path).isEqualTo("1");
      assertThat(millis).as(path + " answered within a second").isLessThan(1_000);
    }
  }

  /** What a fake Solr does with a connection it accepted and keeps open. */
  private interface Answer {
    void to(Socket socket) throws IOException;
  }

  /** Accepts every connection on {@code server}, answers it so, and keeps it open in {@code held}. */
  private static void holdEveryConnection(ServerSocket server, List<Socket> held, Answer answer) {
    Thread acceptor = new Thread(() -> {
      while (!server.isClosed()) {
        try {
          Socket socket = server.accept();
          held.add(socket);
          answer.to(socket);
        } catch (IOException e) {
          return;
        }
      }
    }, "fake-solr");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** A whole javabin answer of Solr's, about 20 kB. */
  private static byte[] javabinAnswer() throws IOException {
    NamedList<Object> answer = new NamedList<>();
    answer.add("responseHeader", new NamedList<>(java.util.Map.of("status", 0)));
    answer.add("filler", "x".repeat(20_000));
    ByteArrayOutputStream whole = new ByteArrayOutputStream();
    try (JavaBinCodec codec = new JavaBinCodec()) {
      codec.marshal(answer, whole);
    }
    return whole.toByteArray();
  }

  /** Reads one HTTP/1.1 request: headers, then a body by Content-Length or in chunks. */
  private static void readRequest(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int c = in.read();
      if (c < 0) {
        return;
      }
      head.append((char) c);
    }
    String headers = head.toString().toLowerCase(java.util.Locale.ROOT);
    java.util.regex.Matcher length = java.util.regex.Pattern.compile("content-length: *(\\d+)").matcher(headers);
    if (length.find()) {
      in.readNBytes(Integer.parseInt(length.group(1)));
    } else if (headers.contains("transfer-encoding: chunked")) {
      StringBuilder tail = new StringBuilder();
      while (!tail.toString().endsWith("\r\n0\r\n\r\n") && !tail.toString().equals("0\r\n\r\n")) {
        int c = in.read();
        if (c < 0) {
          return;
        }
        tail.append((char) c);
        if (tail.length() > 16) {
          tail.delete(0, tail.length() - 16);
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
