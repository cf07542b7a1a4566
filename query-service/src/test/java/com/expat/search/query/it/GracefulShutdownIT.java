package com.expat.search.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.testing.amqp.RabbitMq;
import com.expat.search.testing.amqp.RabbitMqExtension;
import com.expat.search.testing.memcached.MemcachedExtension;
import com.expat.search.testing.memcached.MemcachedServer;
import com.expat.search.testing.solr.SolrCores;
import com.expat.search.testing.solr.SolrExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code query-service serve} as a real process, with Memcached, the invalidation feed and Solr
 * (behind a {@link GatedSolrProxy}): SIGTERM lets the requests in flight finish with complete
 * answers, refuses new ones, closes the clients and ends the process with 143. Every wait is
 * bounded; none of them is the assertion.
 */
@ExtendWith({SolrExtension.class, MemcachedExtension.class, RabbitMqExtension.class})
class GracefulShutdownIT {
  private static final Duration LIMIT = Duration.ofMinutes(2);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** A query for each in-flight request, and the member it finds. */
  private static final Map<String, Long> IN_FLIGHT = Map.of("anna", 2L, "pierre", 3L, "franz", 9L);

  @TempDir Path work;
  private Process service;
  private GatedSolrProxy proxy;

  @AfterEach
  void stop() {
    if (service != null && service.isAlive()) {
      service.destroyForcibly();
    }
    if (proxy != null) {
      proxy.close();
    }
  }

  @Test
  void sigtermLetsRequestsInFlightFinishThenExitsCleanly(SolrCores solr, MemcachedServer memcached, RabbitMq rabbit)
      throws Exception {
    World.index(solr);
    proxy = new GatedSolrProxy(solr.baseUrl());
    int port = freePort();
    Path log = work.resolve("service.log");
    service = start(port, log, Map.of(
        "SOLR_URL", proxy.baseUrl(),
        "EXPAT_MEMBERS_CORE", solr.members(),
        "EXPAT_EVENTS_CORE", solr.events(),
        "EXPAT_CATALOG_CORE", solr.catalog(),
        // Held requests must outwait the test, not time out at Solr or at the drain.
        "SOLR_REQUEST_TIMEOUT_MS", Long.toString(LIMIT.toMillis()),
        "SHUTDOWN_DRAIN_SECONDS", Long.toString(LIMIT.toSeconds()),
        "MEMCACHED_SERVERS", memcached.address(),
        "AMQP_URI", rabbit.uri().toString(),
        "INVALIDATION_EXCHANGE", rabbit.invalidationExchange()));
    URI base = URI.create("http://127.0.0.1:" + port);
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    await("the service to be ready", log, () -> running(log) && status(http, base.resolve("/health/ready")) == 200);
    HttpClient keptAlive = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    assertThat(status(keptAlive, base.resolve("/health/live"))).isEqualTo(200);

    proxy.shut(IN_FLIGHT.keySet());
    Map<String, CompletableFuture<HttpResponse<String>>> answers = new LinkedHashMap<>();
    IN_FLIGHT.keySet().forEach(q -> answers.put(q, http.sendAsync(
        HttpRequest.newBuilder(base.resolve("/v1/members/search?q=" + q)).timeout(LIMIT).build(),
        HttpResponse.BodyHandlers.ofString())));
    await("every request to reach Solr", log, () -> running(log) && proxy.held().containsAll(IN_FLIGHT.keySet()));

    service.destroy();
    await("new requests to be refused", log, () -> refusesNewRequests(port));
    assertThat(answers.values()).as("answered before Solr was").noneMatch(CompletableFuture::isDone);
    assertThat(status(keptAlive, base.resolve("/health/live"))).as("503, or -1: closed").isIn(503, -1);
    proxy.open();

    for (Map.Entry<String, CompletableFuture<HttpResponse<String>>> answer : answers.entrySet()) {
      HttpResponse<String> response = answer.getValue().get(LIMIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(response.statusCode()).as(answer.getKey()).isEqualTo(200);
      assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
      JsonNode body = JSON.readTree(response.body());
      List<Long> ids = new ArrayList<>();
      body.path("items").forEach(item -> ids.add(item.path("id").asLong()));
      assertThat(ids).as(answer.getKey()).containsExactly(IN_FLIGHT.get(answer.getKey()));
    }
    assertThat(service.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)).as("exited; log:\n%s", tail(log)).isTrue();
    assertThat(service.exitValue()).as("exit status; log:\n%s", tail(log)).isIn(0, 143);
    assertThat(Files.readString(log)).contains("query service stopped");
  }

  private Process start(int port, Path log, Map<String, String> env) throws IOException {
    Path root = Path.of(System.getProperty("expat.root", "..")).toAbsolutePath().normalize();
    Path jar = root.resolve("query-service/target/query-service.jar");
    assertThat(jar).as("built by mvn package").exists();
    ProcessBuilder builder = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar", jar.toString(), "serve")
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().remove("SOLR_ZK_HOSTS"); // it would take precedence over the proxy
    builder.environment().putAll(env);
    builder.environment().put("HTTP_PORT", Integer.toString(port));
    return builder.start();
  }

  /** The status, or -1 when the connection failed. */
  private static int status(HttpClient http, URI uri) {
    try {
      return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** A request on a new connection is refused, or answered 503. */
  private static boolean refusesNewRequests(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(
          "GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
      return status.isEmpty() || status.endsWith(" 503");
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true; // refused, or accepted and closed unanswered
    }
  }

  private void await(String what, Path log, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("gave up waiting for " + what + " after " + LIMIT + "; log:\n" + tail(log));
      }
      Thread.sleep(50);
    }
  }

  private boolean running(Path log) {
    if (!service.isAlive()) {
      throw new AssertionError("the service exited with " + service.exitValue() + "; log:\n" + tail(log));
    }
    return true;
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
