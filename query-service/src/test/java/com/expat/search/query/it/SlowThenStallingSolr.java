package com.expat.search.query.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real Solr behind a forwarder that turns slow, then silent: once {@link #slowThenStall} is
 * called, the next request is answered (Solr's own answer) a delay after it came, and every request after
 * it is accepted and never answered, until {@link #pass} or {@link #close}. Requests to the
 * catalog core pass straight through: the catalog is read apart from any one API request.
 */
final class SlowThenStallingSolr implements AutoCloseable {
  private static final Duration HOLD_LIMIT = Duration.ofMinutes(2);

  private final URI solr;
  private final String catalogCore;
  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final AtomicInteger stalled = new AtomicInteger();
  private volatile Duration delay = Duration.ZERO;
  private volatile AtomicBoolean firstTaken = new AtomicBoolean(true);
  private volatile CountDownLatch stall = new CountDownLatch(0);

  /** @param solrBaseUrl e.g. {@code http://127.0.0.1:8983/solr}; the forwarder keeps its path */
  SlowThenStallingSolr(String solrBaseUrl, String catalogCore) throws IOException {
    this.solr = URI.create(solrBaseUrl);
    this.catalogCore = catalogCore;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    server.setExecutor(threads);
    server.createContext("/", this::forward);
    server.start();
  }

  /** The base URL to give the service instead of Solr's. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + solr.getPath();
  }

  /** The next request is answered after {@code delay}; every later one stalls. */
  void slowThenStall(Duration delay) {
    this.delay = delay;
    this.firstTaken = new AtomicBoolean(false);
    this.stall = new CountDownLatch(1);
  }

  /** Every request held so far, and every later one, goes through at once. */
  void pass() {
    stall.countDown();
  }

  /** How many requests have been held so far. */
  int stalled() {
    return stalled.get();
  }

  private void forward(HttpExchange exchange) throws IOException {
    try (exchange) {
      long received = System.nanoTime();
      byte[] body = exchange.getRequestBody().readAllBytes();
      long answerAt = received;
      if (!exchange.getRequestURI().getPath().contains("/" + catalogCore + "/")) {
        CountDownLatch current = stall;
        if (current.getCount() > 0) {
          if (firstTaken.compareAndSet(false, true)) {
            answerAt = received + delay.toNanos();
          } else {
            stalled.incrementAndGet();
            if (!current.await(HOLD_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
              return;
            }
          }
        }
      }
      GatedSolrProxy.relay(client, solr, exchange, body, answerAt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    pass();
    server.stop(0);
    threads.shutdownNow();
  }
}
