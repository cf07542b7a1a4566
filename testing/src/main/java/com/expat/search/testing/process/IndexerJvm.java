package com.expat.search.testing.process;

import com.expat.search.testing.amqp.RabbitMq;
import com.expat.search.testing.db.TestDatabase;
import com.expat.search.testing.solr.SolrCores;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The indexer in a JVM of its own ({@code index} and the other commands), with the environment
 * {@code bin/expat-search} would give it, pointed at a test class's services (or proxies in front
 * of them). Its output goes to a log file under {@code target/indexer-process/}.
 */
public final class IndexerJvm {
  private IndexerJvm() {}

  /**
   * The environment for the test class's services: RabbitMQ reached at {@code amqpUri} and Solr at
   * {@code solrUrl}, the services themselves or proxies; a test-sized pool and port 0 for health.
   * Without {@code rabbit} (null), for commands that need none, no AMQP variable is set.
   */
  public static Map<String, String> environment(URI amqpUri, String solrUrl, RabbitMq rabbit, TestDatabase db,
      SolrCores solr) {
    Map<String, String> env = new HashMap<>();
    env.put("SOLR_URL", solrUrl);
    env.put("DB_URL", db.jdbcUrl());
    env.put("DB_USER", "root");
    env.put("DB_PASSWORD", System.getenv().getOrDefault("DB_PASSWORD", ""));
    env.put("DB_POOL_SIZE", "2");
    env.put("EXPAT_MEMBERS_CORE", solr.members());
    env.put("EXPAT_EVENTS_CORE", solr.events());
    env.put("EXPAT_CATALOG_CORE", solr.catalog());
    env.put("INDEXER_HTTP_PORT", "0");
    if (rabbit != null) {
      env.put("AMQP_URI", amqpUri.toString());
      env.put("AMQP_EXCHANGE", rabbit.exchange());
      env.put("INDEXER_QUEUE", rabbit.queue());
      env.put("INDEXER_DLX", rabbit.deadLetterExchange());
      env.put("INDEXER_DEAD_QUEUE", rabbit.deadLetterQueue());
      env.put("INVALIDATION_EXCHANGE", rabbit.invalidationExchange());
    }
    return env;
  }

  /**
   * Starts {@code java -Xmx256m <launch...>} (e.g. {@code -jar target/indexer.jar index}) with
   * {@code env} and nothing of this JVM's own expat-search environment; returns the process and
   * writes its output to {@code target/indexer-process/<name>.log}.
   */
  public static Started start(String name, List<String> launch, Map<String, String> env) throws IOException {
    Path log = Files.createDirectories(Path.of("target", "indexer-process")).resolve(name + ".log");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1"));
    command.addAll(launch);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(key -> key.startsWith("SOLR_") || key.startsWith("DB_")
        || key.startsWith("AMQP_") || key.startsWith("INDEXER_") || key.startsWith("EXPAT_"));
    builder.environment().putAll(env);
    return new Started(builder.start(), log);
  }

  /** A started indexer JVM and its log. */
  public record Started(Process process, Path log) {
    public String logText() {
      try {
        return Files.readString(log);
      } catch (IOException e) {
        return "(no log: " + e.getMessage() + ")";
      }
    }
  }
}
