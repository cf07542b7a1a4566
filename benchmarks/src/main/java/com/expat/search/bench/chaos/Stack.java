package com.expat.search.bench.chaos;

import com.expat.search.testing.memcached.MemcachedServer;
import com.expat.search.testing.net.TcpProxy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The full stack as real processes, each of which can be killed and started again: a local Solr
 * node (the solr-config launcher), memcached, the indexer ({@code index}) and the query service
 * ({@code serve}), the last two in JVMs of their own on this JVM's class path. MariaDB and
 * RabbitMQ are the machine's shared services: our processes reach them through {@link TcpProxy}s,
 * so an outage is a cut proxy, felt by our processes alone (the website, here the benchmark's
 * publisher, keeps writing and publishing directly, as across a network partition). Every
 * process logs to {@code work/logs}.
 */
final class Stack implements AutoCloseable {
  /** What the stack is built from. */
  record Settings(
      Path work,
      Path solrJar,
      String classPath,
      int solrPort,
      int httpPort,
      int memcachedPort,
      String dbUrl,
      URI amqpUri,
      Names names) {}

  /** The RabbitMQ names of this run, so that it shares nothing with anyone else's. */
  record Names(String exchange, String queue, String deadLetterExchange, String deadQueue, String invalidations) {
    static Names suffixed(String suffix) {
      return new Names("expat.changes." + suffix, "search-indexer." + suffix, "search-indexer.dlx." + suffix,
          "search-indexer.dead." + suffix, "expat.search.invalidations." + suffix);
    }
  }

  private static final Pattern JDBC_HOST_PORT = Pattern.compile("^(jdbc:mariadb://)([^:/]+)(?::(\\d+))?(/.*)$");

  private final Settings settings;
  private final TcpProxy db;
  private final TcpProxy amqp;
  private final Path logs;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private Process solr;
  private final MemcachedServer memcached;
  private Process indexer;
  private Process query;
  private int indexerOpsPort;

  Stack(Settings settings) {
    this.settings = settings;
    Matcher jdbc = JDBC_HOST_PORT.matcher(settings.dbUrl());
    if (!jdbc.matches()) {
      throw new IllegalArgumentException("--db-url must be jdbc:mariadb://host[:port]/database, was " + settings.dbUrl());
    }
    this.db = new TcpProxy(jdbc.group(2), jdbc.group(3) == null ? 3306 : Integer.parseInt(jdbc.group(3)));
    this.memcached = MemcachedServer.onPort(settings.memcachedPort(), 64);
    this.amqp = new TcpProxy(settings.amqpUri().getHost(),
        settings.amqpUri().getPort() == -1 ? 5672 : settings.amqpUri().getPort());
    try {
      this.logs = Files.createDirectories(settings.work().resolve("logs"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String solrUrl() {
    return "http://127.0.0.1:" + settings.solrPort() + "/solr";
  }

  URI queryUri() {
    return URI.create("http://127.0.0.1:" + settings.httpPort());
  }

  Names names() {
    return settings.names();
  }

  /** MariaDB as our processes reach it: through the proxy. */
  String proxiedDbUrl() {
    Matcher jdbc = JDBC_HOST_PORT.matcher(settings.dbUrl());
    jdbc.matches();
    return jdbc.group(1) + "127.0.0.1:" + db.port() + jdbc.group(4);
  }

  URI proxiedAmqpUri() {
    URI uri = settings.amqpUri();
    return URI.create(uri.getScheme() + "://" + (uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo() + "@")
        + "127.0.0.1:" + amqp.port() + (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath()));
  }

  /** Starts every process and waits until each is ready. */
  void start() {
    startSolr();
    startMemcached();
    startIndexer();
    startQuery();
  }

  // ---- the generated world and its index (direct connections: set-up, not under test) ----

  /** {@code generate} into the database, replacing what is there. */
  void generate(int members, int events, long seed) {
    Map<String, String> env = new HashMap<>();
    env.put("DB_URL", settings.dbUrl());
    runToEnd("generate", env, List.of("-Xmx1g"), "com.expat.search.indexer.IndexerMain", "generate",
        "--members", Integer.toString(members), "--events", Integer.toString(events), "--seed", Long.toString(seed),
        "--drop");
  }

  /**
   * {@code reindex all} from the database into the stack's Solr, once: its writes have the
   * rebuild's deadline ({@code REINDEX_WRITE_DEADLINE_S}), long enough for a loaded machine.
   */
  void reindex() {
    Map<String, String> env = new HashMap<>();
    env.put("DB_URL", settings.dbUrl());
    env.put("SOLR_URL", solrUrl());
    // The stack's indexer starts after this rebuild: no live indexer has build cores to find, so
    // the rebuild need not wait for one (by default 11 s per core).
    env.put("REINDEX_DISCOVERY_WAIT_MS", "0");
    Finished done = run("reindex", env, List.of("-Xmx1g"), List.of("com.expat.search.indexer.IndexerMain", "reindex", "all"));
    if (done.exit() != 0) {
      throw new IllegalStateException("reindex all exited with " + done.exit() + ":\n" + tail(done.output()));
    }
  }

  /**
   * Runs an indexer command ({@code verify all}, ...) against the stack with direct connections;
   * returns its exit code and output.
   */
  Finished indexerCommand(String name, String... args) {
    Map<String, String> env = indexerEnvironment(settings.dbUrl(), settings.amqpUri());
    List<String> command = new ArrayList<>(List.of("com.expat.search.indexer.IndexerMain"));
    command.addAll(List.of(args));
    return run(name, env, List.of("-Xmx512m"), command);
  }

  record Finished(int exit, String output) {}

  private void runToEnd(String name, Map<String, String> env, List<String> jvm, String... mainAndArgs) {
    Finished finished = run(name, env, jvm, List.of(mainAndArgs));
    if (finished.exit() != 0) {
      throw new IllegalStateException(name + " exited with " + finished.exit() + ":\n" + tail(finished.output()));
    }
  }

  private Finished run(String name, Map<String, String> env, List<String> jvm, List<String> mainAndArgs) {
    Process process = java(name, env, jvm, mainAndArgs);
    try {
      int exit = process.waitFor();
      return new Finished(exit, Files.readString(logs.resolve(name + ".log")));
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + name, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- Solr ----

  void startSolr() {
    Path home = settings.work().resolve("solr");
    Path urlFile = settings.work().resolve("solr.url");
    try {
      Files.createDirectories(home);
      Files.deleteIfExists(urlFile);
      solr = new ProcessBuilder(javaBinary(), "-Xms256m", "-Xmx1g", "-jar", settings.solrJar().toString(),
          "--home", home.toString(), "--port", Integer.toString(settings.solrPort()), "--url-file", urlFile.toString())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve("solr.log").toFile()))
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    await("Solr on port " + settings.solrPort(), Duration.ofMinutes(3), solr,
        () -> Files.exists(urlFile) && get(solrUrl() + "/admin/cores?action=STATUS&core=members") == 200);
  }

  void killSolr() {
    solr = kill(solr);
  }

  // ---- memcached ----

  void startMemcached() {
    memcached.start();
  }

  void killMemcached() {
    memcached.stop();
  }

  // ---- the indexer ----

  void startIndexer() {
    Map<String, String> env = indexerEnvironment(proxiedDbUrl(), proxiedAmqpUri());
    env.put("SOLR_URL", solrUrl());
    env.put("INDEXER_HTTP_PORT", "0");
    env.put("INDEXER_RETRY_MAX_MS", "2000");
    Path log = logs.resolve("indexer.log");
    long logged = size(log);
    indexer = java("indexer", env, List.of("-Xmx512m"), List.of("com.expat.search.indexer.IndexerMain", "index"));
    Pattern ops = Pattern.compile("health and metrics on port (\\d+)");
    await("the indexer's health port", Duration.ofMinutes(2), indexer, () -> {
      Matcher matcher = ops.matcher(readFrom(log, logged));
      if (matcher.find()) {
        indexerOpsPort = Integer.parseInt(matcher.group(1));
        return true;
      }
      return false;
    });
    awaitIndexerReady(Duration.ofMinutes(2));
  }

  void awaitIndexerReady(Duration limit) {
    await("the indexer ready", limit, indexer, () -> get("http://127.0.0.1:" + indexerOpsPort + "/health/ready") == 200);
  }

  void killIndexer() {
    indexer = kill(indexer);
  }

  /** The indexer's Prometheus text, empty when it does not answer. */
  String indexerMetrics() {
    return body("http://127.0.0.1:" + indexerOpsPort + "/metrics");
  }

  private Map<String, String> indexerEnvironment(String dbUrl, URI amqpUri) {
    Map<String, String> env = new HashMap<>();
    env.put("SOLR_URL", solrUrl());
    env.put("DB_URL", dbUrl);
    env.put("DB_POOL_SIZE", "4");
    env.put("AMQP_URI", amqpUri.toString());
    env.put("AMQP_EXCHANGE", names().exchange());
    env.put("INDEXER_QUEUE", names().queue());
    env.put("INDEXER_DLX", names().deadLetterExchange());
    env.put("INDEXER_DEAD_QUEUE", names().deadQueue());
    env.put("INVALIDATION_EXCHANGE", names().invalidations());
    return env;
  }

  // ---- the query service ----

  void startQuery() {
    Map<String, String> env = new HashMap<>();
    env.put("SOLR_URL", solrUrl());
    env.put("HTTP_PORT", Integer.toString(settings.httpPort()));
    env.put("MEMCACHED_SERVERS", "127.0.0.1:" + settings.memcachedPort());
    env.put("AMQP_URI", proxiedAmqpUri().toString());
    env.put("INVALIDATIONS", "on");
    env.put("INVALIDATION_EXCHANGE", names().invalidations());
    query = java("query-service", env, List.of("-Xms128m", "-Xmx768m"),
        List.of("com.expat.search.query.QueryServiceMain", "serve"));
    await("the query service ready", Duration.ofMinutes(2), query,
        () -> get(queryUri() + "/health/ready") == 200);
  }

  // ---- MariaDB and RabbitMQ, for our processes ----

  void cutDatabase() {
    db.cut();
  }

  void restoreDatabase() {
    db.restore();
  }

  void cutBroker() {
    amqp.cut();
  }

  void restoreBroker() {
    amqp.restore();
  }

  // ---- helpers ----

  private Process java(String name, Map<String, String> env, List<String> jvm, List<String> mainAndArgs) {
    List<String> command = new ArrayList<>(List.of(javaBinary()));
    command.addAll(jvm);
    command.add("-XX:TieredStopAtLevel=1");
    command.addAll(List.of("-cp", settings.classPath()));
    command.addAll(mainAndArgs);
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(name + ".log").toFile()));
    builder.environment().keySet().removeIf(key -> key.startsWith("SOLR_") || key.startsWith("DB_")
        || key.startsWith("AMQP_") || key.startsWith("INDEXER_") || key.startsWith("EXPAT_")
        || key.startsWith("MEMCACHED_") || key.startsWith("CACHE_") || key.equals("HTTP_PORT")
        || key.startsWith("INVALIDATION"));
    builder.environment().put("DB_USER", System.getenv().getOrDefault("DB_USER", "root"));
    builder.environment().put("DB_PASSWORD", System.getenv().getOrDefault("DB_PASSWORD", ""));
    builder.environment().putAll(env);
    try {
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** SIGKILL to the process and everything it started; returns null. */
  private static Process kill(Process process) {
    if (process == null) {
      return null;
    }
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return null;
  }

  /** SIGTERM, then SIGKILL after 30 s. */
  private static void stop(Process process) {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        kill(process);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      kill(process);
    }
  }

  private void await(String what, Duration limit, Process process, BooleanSupplier ready) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      try {
        if (ready.getAsBoolean()) {
          return;
        }
      } catch (RuntimeException e) {
        // not yet
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(what + ": the process exited with " + process.exitValue() + "; see " + logs);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(what + ": not within " + limit + "; see " + logs);
      }
      sleep(200);
    }
  }

  int get(String url) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private String body(String url) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.ofString()).body();
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  private static long size(Path file) {
    try {
      return Files.exists(file) ? Files.size(file) : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  private static String readFrom(Path file, long offset) {
    try {
      byte[] all = Files.readAllBytes(file);
      return new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset),
          java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  private static String tail(String output) {
    String[] lines = output.split("\n");
    return String.join("\n", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - 30), lines.length));
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Stops every process (SIGTERM), restores and closes both proxies. */
  @Override
  public void close() {
    stop(query);
    stop(indexer);
    memcached.close();
    stop(solr);
    db.close();
    amqp.close();
  }
}
