package com.expat.search.indexer.reindex;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The project's Solr launcher as a two-node SolrCloud ({@code --cloud 2}) in a child JVM: the
 * collections {@code members_v1}, {@code events_v1}, {@code catalog_v1} (2 shards x 2 replicas)
 * behind the aliases {@code members}, {@code events}, {@code catalog}. Ready once it has written
 * its URL file; its ZooKeeper address is read from its stderr. Closing it stops the process.
 */
final class LocalSolrCloud implements AutoCloseable {
  private static final String ZOOKEEPER = "solr: ZooKeeper at ";
  private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);

  private final Process process;
  private final String url;
  private final String zkHosts;

  private LocalSolrCloud(Process process, String url, String zkHosts) {
    this.process = process;
    this.url = url;
    this.zkHosts = zkHosts;
  }

  static LocalSolrCloud start(Path dir) throws IOException, InterruptedException {
    Path jar = projectRoot().resolve("solr-config/target/solr-config.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is not built: mvn -o -q package -DskipTests -pl solr-config");
    }
    Path urlFile = dir.resolve("url");
    Path stderr = dir.resolve("stderr.log");
    Process process = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-jar", jar.toString(),
            "--cloud", "2", "--port", "0", "--home", dir.resolve("home").toString(),
            "--url-file", urlFile.toString())
        .redirectOutput(dir.resolve("stdout.log").toFile())
        .redirectError(stderr.toFile())
        .start();
    try {
      long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
      while (System.nanoTime() < deadline) {
        String zkHosts = zkHosts(stderr);
        if (Files.exists(urlFile) && zkHosts != null) {
          return new LocalSolrCloud(process, Files.readString(urlFile, StandardCharsets.UTF_8).trim(), zkHosts);
        }
        if (!process.isAlive()) {
          throw new IllegalStateException("the launcher exited with " + process.exitValue() + ":\n"
              + Files.readString(stderr, StandardCharsets.UTF_8));
        }
        Thread.sleep(100);
      }
      throw new IllegalStateException("SolrCloud not ready within " + READY_TIMEOUT + "; see " + stderr);
    } catch (IOException | InterruptedException | RuntimeException e) {
      stop(process);
      throw e;
    }
  }

  /** Base URL of node 1; any node serves any alias. */
  String url() {
    return url;
  }

  /** What {@code SOLR_ZK_HOSTS} would say. */
  String zkHosts() {
    return zkHosts;
  }

  @Override
  public void close() {
    stop(process);
  }

  private static String zkHosts(Path stderr) throws IOException {
    if (!Files.exists(stderr)) {
      return null;
    }
    List<String> lines = Files.readAllLines(stderr, StandardCharsets.UTF_8);
    return lines.stream().filter(line -> line.startsWith(ZOOKEEPER))
        .map(line -> line.substring(ZOOKEEPER.length()).trim()).findFirst().orElse(null);
  }

  private static void stop(Process process) {
    process.destroy();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static Path projectRoot() {
    String configured = System.getProperty("expat.root");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    return Path.of("").toAbsolutePath().getParent();
  }
}
