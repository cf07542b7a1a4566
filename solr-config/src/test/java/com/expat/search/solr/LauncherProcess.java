package com.expat.search.solr;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code java -jar solr-config.jar ...} as a child process, for tests of the launcher itself: its
 * stdout lines are collected, stderr goes to a file.
 */
final class LauncherProcess implements AutoCloseable {
  static final String READY = "Solr ready at ";

  private final Process process;
  private final List<String> stdout = new ArrayList<>();
  private final CompletableFuture<String> ready = new CompletableFuture<>();
  private final Path stderr;

  private LauncherProcess(Process process, Path stderr) {
    this.process = process;
    this.stderr = stderr;
    Thread reader = new Thread(this::readStdout, "launcher-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  static LauncherProcess start(Path workDir, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-jar",
        jar().toString()));
    command.addAll(List.of(args));
    Files.createDirectories(workDir);
    Path stderr = Files.createTempFile(workDir, "launcher", ".stderr");
    Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
    return new LauncherProcess(process, stderr);
  }

  static Path jar() {
    String root = System.getProperty("expat.root", Path.of("").toAbsolutePath().getParent().toString());
    return Path.of(root, "solr-config", "target", "solr-config.jar");
  }

  /** The base URL from the ready line. */
  String awaitReady(Duration timeout) throws Exception {
    try {
      return ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("launcher not ready within " + timeout + "; stderr:\n" + stderr());
    }
  }

  /** Waits for the process to end and returns its exit code. */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("launcher still running after " + timeout);
    }
    return process.exitValue();
  }

  long pid() {
    return process.pid();
  }

  /** SIGTERM, like a service manager would. */
  void terminate() {
    process.destroy();
  }

  synchronized List<String> stdoutLines() {
    return List.copyOf(stdout);
  }

  String stderr() {
    try {
      return Files.readString(stderr, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  private void readStdout() {
    try (BufferedReader reader = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        synchronized (this) {
          stdout.add(line);
        }
        if (line.startsWith(READY)) {
          ready.complete(line.substring(READY.length()).trim());
        }
      }
    } catch (IOException e) {
      ready.completeExceptionally(e);
    }
    ready.completeExceptionally(new AssertionError("launcher exited before it was ready"));
  }
}
