package com.expat.search.solr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.solr.core.CoreContainer;
import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * A standalone Solr node on {@code 127.0.0.1} over a persistent Solr home: the configset is
 * reinstalled on every start, the cores {@code members}, {@code events} and {@code catalog} are
 * created only when absent (their {@code core.properties} persist), so a restart keeps the index.
 */
final class StandaloneNode implements SolrNode {
  static final List<String> CORES = List.of("members", "events", "catalog");

  private static final String SOLR_XML =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <!-- Written by the expat-search local Solr launcher when absent; edit freely. -->
      <solr>
        <int name="maxBooleanClauses">${solr.max.booleanClauses:1024}</int>
        <str name="sharedLib">${solr.sharedLib:}</str>
        <str name="allowUrls">${solr.allowUrls:}</str>
      </solr>
      """;

  private final JettySolrRunner jetty;

  private StandaloneNode(JettySolrRunner jetty) {
    this.jetty = jetty;
  }

  /**
   * @throws LaunchException when the port is taken or Solr fails to start
   */
  static StandaloneNode start(Path home, int port) {
    Ports.requireFree(port);
    prepareHome(home);
    JettySolrRunner jetty = runner(home, new Properties(), port);
    try {
      jetty.start();
    } catch (Exception e) {
      stopQuietly(jetty);
      if (hasCause(e, BindException.class)) {
        throw new LaunchException(Ports.taken(port), e);
      }
      throw new LaunchException("Solr failed to start on " + home + ": " + e, e);
    }
    StandaloneNode node = new StandaloneNode(jetty);
    try {
      node.createMissingCores(home);
    } catch (RuntimeException e) {
      node.close();
      throw new LaunchException("cannot create the cores under " + home + ": " + e.getMessage(), e);
    }
    return node;
  }

  @Override
  public String baseUrl() {
    return jetty.getBaseUrl().toString();
  }

  @Override
  public void close() {
    stopQuietly(jetty);
  }

  private void createMissingCores(Path home) {
    CoreContainer cores = jetty.getCoreContainer();
    for (String core : CORES) {
      if (cores.getCoreDescriptor(core) == null) {
        cores.create(core, home.resolve(core), Map.of("configSet", Configset.NAME), false);
      }
    }
    for (String core : CORES) {
      // A core that failed to load (e.g. a broken config) is reported here, not at first query.
      try (var loaded = cores.getCore(core)) {
        if (loaded == null) {
          throw new IllegalStateException(
              "core " + core + " did not load: " + cores.getCoreInitFailures().get(core));
        }
      }
    }
  }

  private static void prepareHome(Path home) {
    try {
      Files.createDirectories(home);
      Path solrXml = home.resolve("solr.xml");
      if (!Files.exists(solrXml)) {
        Files.writeString(solrXml, SOLR_XML, StandardCharsets.UTF_8);
      }
      Configset.installInto(home.resolve("configsets"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the Solr home " + home, e);
    }
  }

  private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /** A Solr on {@code 127.0.0.1:port/solr} over {@code home}, stopped by us, not by the JVM's hook. */
  static JettySolrRunner runner(Path home, Properties properties, int port) {
    return new JettySolrRunner(
        home.toString(),
        properties,
        JettyConfig.builder()
            .setPort(port)
            .setContext("/solr")
            .stopAtShutdown(false)
            .withPortRetryTime(0)
            .build());
  }

  /** Stops {@code jetty}; logs and swallows failures so that shutdown always completes. */
  static void stopQuietly(JettySolrRunner jetty) {
    try {
      if (jetty.isRunning()) {
        jetty.stop();
      }
    } catch (Exception e) {
      System.err.println("solr: error while stopping: " + e);
    }
  }
}
