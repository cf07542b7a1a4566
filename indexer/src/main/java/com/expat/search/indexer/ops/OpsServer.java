package com.expat.search.indexer.ops;

import com.expat.search.common.ExpatSearchException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * {@code GET /health/live} (200 while the process runs), {@code GET /health/ready} (200 when
 * {@code ready} says so, else 503) and {@code GET /metrics} (Prometheus text format). Started by
 * {@link #start}; thread-safe; {@link #close} stops it.
 */
public final class OpsServer implements AutoCloseable {
  private final HttpServer server;

  private OpsServer(HttpServer server) {
    this.server = server;
  }

  /**
   * Serves on every interface at {@code port} (0: any free port).
   *
   * @throws ExpatSearchException when the port cannot be bound
   */
  public static OpsServer start(int port, BooleanSupplier ready, PrometheusMeterRegistry registry) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(port), 16);
    } catch (IOException e) {
      throw new ExpatSearchException("cannot serve health and metrics on port " + port
          + " (INDEXER_HTTP_PORT): " + e.getMessage(), e);
    }
    server.createContext("/health/live", exchange -> respond(exchange, 200, "application/json", "{\"status\":\"up\"}"));
    server.createContext("/health/ready", exchange -> {
      boolean ok = ready.getAsBoolean();
      respond(exchange, ok ? 200 : 503, "application/json", ok ? "{\"status\":\"ready\"}" : "{\"status\":\"not ready\"}");
    });
    server.createContext("/metrics", exchange ->
        respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape()));
    server.setExecutor(Executors.newFixedThreadPool(2, runnable -> {
      Thread thread = new Thread(runnable, "indexer-ops-http");
      thread.setDaemon(true);
      return thread;
    }));
    server.start();
    return new OpsServer(server);
  }

  /** The port actually bound. */
  public int port() {
    return server.getAddress().getPort();
  }

  private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", type);
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
