package com.expat.search.testing.solr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The project's local Solr launcher run as a child JVM on a free port with a temporary home,
 * ready once it has written its URL file. Closing it sends SIGTERM, waits, then kills, and
 * deletes the temporary directory.
 */
final class LocalSolrProcess implements AutoCloseable {
  private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
  private static final int STDERR_TAIL_LINES = 40;

  private final Process process;
  private final Path dir;
  private final String baseUrl;

  private LocalSolrProcess(Process process, Path dir, String baseUrl) {
    this.process = process;
    this.dir = dir;
    this.baseUrl = baseUrl;
  }

  static LocalSolrProcess start(Path projectRoot) {
    Path jar = projectRoot.resolve("solr-config/target/solr-config.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "the local Solr launcher " + jar + " is not built; run"
              + " `mvn -o -q package -DskipTests -pl solr-config` in " + projectRoot
              + " (or set SOLR_URL to a running node)");
    }
    Path dir;
    try {
      dir = Files.createTempDirectory("expat-solr-test-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary Solr home", e);
    }
    Path urlFile = dir.resolve("url");
    Path stderr = dir.resolve("stderr.log");
    List<String> command = List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx1g",
        "-jar", jar.toString(),
        "--port", "0",
        "--home", dir.resolve("home").toString(),
        "--url-file", urlFile.toString());
    Process process;
    try {
      process = new ProcessBuilder(command)
          .redirectOutput(dir.resolve("stdout.log").toFile())
          .redirectError(stderr.toFile())
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + String.join(" ", command), e);
    }
    try {
      String baseUrl = awaitUrl(process, urlFile, stderr);
      return new LocalSolrProcess(process, dir, baseUrl);
    } catch (RuntimeException e) {
      stop(process);
      throw e;
    }
  }

  String baseUrl() {
    return baseUrl;
  }

  @Override
  public void close() {
    stop(process);
    deleteQuietly(dir);
  }

  private static String awaitUrl(Process process, Path urlFile, Path stderr) {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(urlFile)) {
        try {
          return Files.readString(urlFile, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read " + urlFile, e);
        }
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("the local Solr exited with code " + process.exitValue()
            + " before it was ready; its stderr ends with:\n" + tail(stderr));
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the local Solr", e);
      }
    }
    throw new IllegalStateException("the local Solr was not ready within " + READY_TIMEOUT
        + "; its stderr ends with:\n" + tail(stderr));
  }

  /** SIGTERM, then SIGKILL if the process has not exited within the stop timeout. */
  static void stop(Process process) {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static String tail(Path file) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - STDERR_TAIL_LINES), lines.size()));
    } catch (IOException e) {
      return "(cannot read " + file + ": " + e.getMessage() + ")";
    }
  }

  static void deleteQuietly(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      List<Path> paths = new ArrayList<>(walk.sorted(Comparator.reverseOrder()).toList());
      for (Path path : paths) {
        Files.deleteIfExists(path);
      }
    } catch (IOException | UncheckedIOException e) {
      System.err.println("[SolrExtension] could not delete " + dir + ": " + e.getMessage());
    }
  }
}
