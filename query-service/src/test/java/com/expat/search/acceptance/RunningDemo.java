package com.expat.search.acceptance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code bin/expat-search demo} started once per test JVM, on free ports, with its Solr home in a
 * temporary directory and a small world, and stopped (with its bundled Solr) at JVM exit.
 */
final class RunningDemo {
  private static final Duration START_LIMIT = Duration.ofMinutes(5);
  private static RunningDemo instance;

  final URI baseUri;
  private final Process process;
  private final Path log;

  private RunningDemo(URI baseUri, Process process, Path log) {
    this.baseUri = baseUri;
    this.process = process;
    this.log = log;
  }

  static synchronized RunningDemo get() {
    if (instance == null) {
      instance = start();
      Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "stop-demo"));
    }
    return instance;
  }

  private static RunningDemo start() {
    try {
      Path root = Path.of(System.getProperty("expat.root", "..")).toAbsolutePath().normalize();
      Path work = Files.createTempDirectory("expat-demo-at");
      Path log = work.resolve("demo.log");
      int port = freePort();
      ProcessBuilder builder =
          new ProcessBuilder(List.of(root.resolve("bin/expat-search").toString(), "demo"))
              .directory(root.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().put("HTTP_PORT", Integer.toString(port));
      builder.environment().put("SOLR_PORT", "0");
      builder.environment().put("SOLR_HOME", work.resolve("solr").toString());
      builder.environment().put("DEMO_MEMBERS", "4000");
      builder.environment().put("DEMO_EVENTS", "400");
      builder.environment().put("EXPAT_NO_BUILD", "1");
      builder.environment().remove("SOLR_URL");
      builder.environment().remove("SOLR_ZK_HOSTS");
      Process process = builder.start();
      RunningDemo demo = new RunningDemo(URI.create("http://127.0.0.1:" + port), process, log);
      demo.awaitReady();
      return demo;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitReady() {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    long deadline = System.nanoTime() + START_LIMIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the demo exited with " + process.exitValue() + ":\n" + tail());
      }
      try {
        HttpResponse<Void> response =
            client.send(
                HttpRequest.newBuilder(baseUri.resolve("/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the demo", e);
      }
      sleep(250);
    }
    stop();
    throw new IllegalStateException("the demo was not ready within " + START_LIMIT + ":\n" + tail());
  }

  private void stop() {
    List<ProcessHandle> descendants = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  String tail() {
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

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
