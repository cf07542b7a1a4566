package com.expat.search.query.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP forwarder in front of a real Solr that can hold requests: while the gate is shut, each
 * request whose parameters mention one of the watched words waits (and the word is recorded as
 * held) until {@link #open()}; everything else passes straight through. It makes "a request is in
 * flight" a state the test sees, not a guess about timing.
 */
final class GatedSolrProxy implements AutoCloseable {
  private static final Duration HOLD_LIMIT = Duration.ofMinutes(2);

  private final URI solr;
  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final Set<String> held = ConcurrentHashMap.newKeySet();
  private volatile Set<String> watched = Set.of();
  private volatile CountDownLatch gate = new CountDownLatch(0);

  /** @param solrBaseUrl e.g. {@code http://127.0.0.1:8983/solr}; the proxy keeps its path */
  GatedSolrProxy(String solrBaseUrl) throws IOException {
    this.solr = URI.create(solrBaseUrl);
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    server.setExecutor(threads);
    server.createContext("/", this::forward);
    server.start();
  }

  /** The base URL to give the service instead of Solr's. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + solr.getPath();
  }

  /** From now on, holds requests that mention any of {@code words} (lower case). */
  void shut(Set<String> words) {
    watched = Set.copyOf(words);
    gate = new CountDownLatch(1);
  }

  /** Lets every held request and all later ones through. */
  void open() {
    gate.countDown();
  }

  /** The watched words of the requests held so far. */
  Set<String> held() {
    return Set.copyOf(held);
  }

  private void forward(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      holdIfWatched(exchange.getRequestURI().getRawQuery(), body);
      relay(client, solr, exchange, body, System.nanoTime());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Sends the request (its {@code body} already read) to the Solr at {@code solr} and its answer back,
   * not before {@code answerAt} ({@link System#nanoTime}).
   */
  static void relay(HttpClient client, URI solr, HttpExchange exchange, byte[] body, long answerAt)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(solr.resolve(exchange.getRequestURI().toString()))
        .timeout(HOLD_LIMIT)
        .method(exchange.getRequestMethod(), body.length == 0
            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    if (type != null) {
      request.header("Content-Type", type);
    }
    HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    response.headers().firstValue("Content-Type").ifPresent(value -> exchange.getResponseHeaders().set("Content-Type", value));
    try (InputStream in = response.body()) {
      byte[] answer = in.readAllBytes();
      TimeUnit.NANOSECONDS.sleep(answerAt - System.nanoTime());
      exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer);
      }
    }
  }

  private void holdIfWatched(String rawQuery, byte[] body) throws InterruptedException {
    CountDownLatch current = gate;
    if (current.getCount() == 0) {
      return;
    }
    String params = decode(rawQuery) + "&" + decode(new String(body, StandardCharsets.ISO_8859_1));
    List<String> mentioned = watched.stream().filter(params::contains).toList();
    if (mentioned.isEmpty()) {
      return;
    }
    held.addAll(mentioned);
    if (!current.await(HOLD_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
      throw new IllegalStateException("the gate stayed shut for " + HOLD_LIMIT);
    }
  }

  private static String decode(String raw) {
    if (raw == null) {
      return "";
    }
    try {
      return URLDecoder.decode(raw, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return raw.toLowerCase(Locale.ROOT); // not form-encoded (e.g. javabin): look at it as is
    }
  }

  @Override
  public void close() {
    open();
    server.stop(0);
    threads.shutdownNow();
  }
}
