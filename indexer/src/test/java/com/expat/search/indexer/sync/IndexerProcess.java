package com.expat.search.indexer.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.testing.amqp.RabbitMq;
import com.expat.search.testing.db.TestDatabase;
import com.expat.search.testing.process.IndexerJvm;
import com.expat.search.testing.solr.SolrCores;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real indexer process, {@code java -jar target/indexer.jar index}, started with the
 * environment {@code bin/expat-search index} would give it, pointed at a test class's services.
 * Its output goes to a log file under {@code target/}. Closing it sends SIGTERM, then kills it if
 * it does not exit.
 */
final class IndexerProcess implements AutoCloseable {
  private static final Path JAR = Path.of("target", "indexer.jar");
  private static final Pattern OPS_PORT = Pattern.compile("health and metrics on port (\\d+)");

  private final Process process;
  private final Path log;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private int opsPort;

  private IndexerProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** Starts an indexer on the test class's services, with test-sized batches and backoff. */
  static IndexerProcess start(String name, RabbitMq rabbit, TestDatabase db, SolrCores solr) throws IOException {
    return start(name, rabbit.uri(), solr.baseUrl(), rabbit, db, solr);
  }

  /**
   * Starts an indexer that reaches RabbitMQ at {@code amqpUri} and Solr at {@code solrUrl}: the
   * services themselves or proxies in front of them.
   */
  static IndexerProcess start(String name, URI amqpUri, String solrUrl, RabbitMq rabbit, TestDatabase db,
      SolrCores solr) throws IOException {
    assertThat(JAR).as("the indexer jar (mvn package builds it before failsafe runs)").exists();
    Map<String, String> env = IndexerJvm.environment(amqpUri, solrUrl, rabbit, db, solr);
    env.put("INDEXER_BATCH_SIZE", "20");
    env.put("INDEXER_RETRY_BASE_MS", "50");
    env.put("INDEXER_RETRY_MAX_MS", "1000");
    env.put("INDEXER_DRAIN_S", "20");
    IndexerJvm.Started started = IndexerJvm.start(name, List.of("-jar", JAR.toString(), "index"), env);
    return new IndexerProcess(started.process(), started.log());
  }

  /** Waits until {@code /health/ready} answers 200, or fails with the log. */
  IndexerProcess awaitReady(Duration timeout) throws Exception {
    awaitReadiness(timeout, status -> status == 200, "ready");
    return this;
  }

  /** Polls {@code /health/ready} until {@code wanted} holds for its status, or fails with the log. */
  void awaitReadiness(Duration timeout, IntPredicate wanted, String what) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    int last = -1;
    while (System.nanoTime() < deadline) {
      assertThat(process.isAlive()).as("indexer still running; its log:%n%s", log()).isTrue();
      OptionalInt status = readiness();
      if (status.isPresent()) {
        last = status.getAsInt();
        if (wanted.test(last)) {
          return;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("indexer never " + what + " (last /health/ready status " + last + "); its log:\n" + log());
  }

  /** The status of {@code /health/ready}, empty while the server is not up yet. */
  OptionalInt readiness() throws IOException, InterruptedException {
    if (opsPort == 0) {
      Matcher matcher = OPS_PORT.matcher(log());
      if (!matcher.find()) {
        return OptionalInt.empty();
      }
      opsPort = Integer.parseInt(matcher.group(1));
    }
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + opsPort + "/health/ready"))
        .timeout(Duration.ofSeconds(5)).build();
    try {
      return OptionalInt.of(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
    } catch (IOException e) {
      return OptionalInt.empty();
    }
  }

  /** Waits until the log shows {@code line}, or fails with the log. */
  void awaitLog(String line, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!log().contains(line)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("indexer never logged \"" + line + "\"; its log:\n" + log());
      }
      Thread.sleep(50);
    }
  }

  /** {@code kill -9}: no drain, no goodbye; what it had not acknowledged goes back to the queue. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /**
   * The value of counter {@code name} on {@code /metrics} (0 when not there yet); needs
   * {@link #awaitReady} first.
   */
  double counter(String name) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + opsPort + "/metrics"))
        .timeout(Duration.ofSeconds(5)).build();
    for (String line : http.send(request, HttpResponse.BodyHandlers.ofString()).body().split("\n")) {
      if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return 0;
  }

  /** SIGTERM, as a service manager (or bin/expat-search forwarding one) sends it. */
  void terminate() {
    process.destroy();
  }

  /** The exit code, or fails with the log if the process has not exited within {@code timeout}. */
  int awaitExit(Duration timeout) throws Exception {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("indexer did not exit within " + timeout + "; its log:\n" + log());
    }
    return process.exitValue();
  }

  String log() throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws Exception {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(40, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }
}
