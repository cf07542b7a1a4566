package com.expat.search.bench.solr;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;

/**
 * A recording HTTP proxy on loopback in front of Solr: the query service, started with
 * {@code SOLR_URL} pointing here, has every Solr request forwarded unchanged (method, path, query,
 * body, content type) and answered with Solr's bytes, while the proxy keeps a copy of each
 * request. Admin calls ({@code /admin/}) are forwarded but not kept. Thread-safe; close it to free
 * the port.
 */
public final class CaptureProxy implements AutoCloseable {
  private final HttpServer server;
  private final HttpClient client;
  private final URI solrRoot;
  private final List<SolrCall> calls = new ArrayList<>();

  /**
   * @param solrRoot scheme, host and port of the real Solr (loopback); paths are kept as sent
   * @param port the port to listen on, on 127.0.0.1 (0: any free port)
   */
  public CaptureProxy(URI solrRoot, int port) throws IOException {
    this.solrRoot = URI.create(solrRoot.getScheme() + "://" + solrRoot.getRawAuthority());
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    server.createContext("/", this::forward);
    server.setExecutor(Executors.newFixedThreadPool(4, runnable -> {
      Thread thread = new Thread(runnable, "solr-capture-proxy");
      thread.setDaemon(true);
      return thread;
    }));
    server.start();
  }

  /** Where the proxy listens: {@code http://127.0.0.1:<port>}. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The calls kept since the last call, and forgets them. */
  public synchronized List<SolrCall> drain() {
    List<SolrCall> result = List.copyOf(calls);
    calls.clear();
    return result;
  }

  private void forward(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath()
          + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
      String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
      if (!path.contains("/admin/")) {
        String text = body.length == 0 ? null : java.util.Base64.getEncoder().encodeToString(body);
        synchronized (this) {
          calls.add(new SolrCall(method, path, body.length == 0 ? null : contentType, text));
        }
      }
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(solrRoot + path)).timeout(Duration.ofSeconds(30));
      if (contentType != null) {
        request.header("Content-Type", contentType);
      }
      request.method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
      HttpResponse<byte[]> response;
      try {
        response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        exchange.sendResponseHeaders(503, -1);
        return;
      } catch (IOException e) {
        exchange.sendResponseHeaders(502, -1);
        return;
      }
      response.headers().firstValue("Content-Type").ifPresent(type -> exchange.getResponseHeaders().set("Content-Type", type));
      byte[] answer = response.body();
      exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
      if (answer.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(answer);
        }
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
