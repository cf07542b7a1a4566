package com.expat.search.testing.memcached;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real memcached process of a test class's own, on a free loopback port. It can be stopped and
 * started again on the same port mid-test, to show what the code under test does while the cache
 * is down. Not thread-safe: one test drives it at a time.
 */
public final class MemcachedServer implements AutoCloseable {
  private static final Duration START_LIMIT = Duration.ofSeconds(10);
  private static final List<String> BINARIES = List.of("/usr/bin/memcached", "/usr/local/bin/memcached");

  private final int port;
  private final int megabytes;
  private Process process;

  MemcachedServer(int port, int megabytes) {
    this.port = port;
    this.megabytes = megabytes;
  }

  /** A server (not started) on {@code port}, for a process that runs its own memcached. */
  public static MemcachedServer onPort(int port, int megabytes) {
    return new MemcachedServer(port, megabytes);
  }

  /** A server of {@code megabytes} on a free loopback port, not started yet; a ring takes several. */
  public static MemcachedServer onFreePort(int megabytes) {
    try (ServerSocket socket = new ServerSocket(0)) {
      return new MemcachedServer(socket.getLocalPort(), megabytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String host() {
    return "127.0.0.1";
  }

  public int port() {
    return port;
  }

  /** {@code host:port}, the form of one entry of {@code MEMCACHED_SERVERS}. */
  public String address() {
    return host() + ":" + port;
  }

  public boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** Starts the process (no-op when running) and waits until it accepts connections. */
  public void start() {
    if (isRunning()) {
      return;
    }
    String binary = binary();
    try {
      process =
          new ProcessBuilder(
                  binary, "-l", host(), "-p", Integer.toString(port), "-U", "0",
                  "-m", Integer.toString(megabytes), "-u", "nobody")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
    } catch (IOException e) {
      throw new IllegalStateException("could not run " + binary + ": " + e.getMessage(), e);
    }
    long deadline = System.nanoTime() + START_LIMIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "memcached exited with " + process.exitValue() + " on port " + port);
      }
      if (accepts()) {
        return;
      }
      pause();
    }
    stop();
    throw new IllegalStateException("memcached did not listen on " + address() + " within " + START_LIMIT);
  }

  /** Kills the process, as a crash or a network loss would look to clients. */
  public void stop() {
    if (process == null) {
      return;
    }
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  @Override
  public void close() {
    stop();
  }

  /** How many items the server holds now ({@code stats}: {@code curr_items}). */
  public long items() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host(), port), 1_000);
      socket.setSoTimeout(2_000);
      socket.getOutputStream().write("stats\r\nquit\r\n".getBytes(StandardCharsets.US_ASCII));
      String stats = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      for (String line : stats.split("\r\n")) {
        if (line.startsWith("STAT curr_items ")) {
          return Long.parseLong(line.substring("STAT curr_items ".length()).trim());
        }
      }
      throw new IllegalStateException("no curr_items in memcached's stats: " + stats);
    } catch (IOException e) {
      throw new UncheckedIOException("memcached at " + address() + " did not answer stats", e);
    }
  }

  private boolean accepts() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host(), port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static String binary() {
    for (String candidate : BINARIES) {
      if (Files.isExecutable(Path.of(candidate))) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "memcached is not installed (looked in " + BINARIES + "); run scripts/ensure-services");
  }

  private static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
