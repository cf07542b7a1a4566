package com.expat.search.solr;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The bundled local Solr: a standalone node, or a local SolrCloud cluster, with configset
 * {@code expat} and the cores (aliases, on SolrCloud) {@code members}, {@code events} and
 * {@code catalog}. It runs in its own JVM, because Solr's Jetty 10 cannot share a class path
 * with the query service's Jetty 12.
 *
 * <p>Contract with whoever starts it: when the node answers, exactly one line
 * {@code Solr ready at <baseUrl>} is printed on stdout (and the base URL written to
 * {@code --url-file}, atomically); a failure to start prints the reason on stderr and exits
 * non-zero (2 for bad options, 1 otherwise); SIGTERM stops Solr cleanly. Solr's own log goes to
 * {@code <home>/logs/solr.log}, warnings also to stderr.
 */
@Command(
    name = "expat-search solr",
    description =
        "Runs a local Solr with the expat configset: a standalone node (cores members, events,"
            + " catalog, kept across restarts under --home) or, with --cloud, a SolrCloud"
            + " cluster with embedded ZooKeeper (collection aliases members, events, catalog;"
            + " empty at every start). Prints 'Solr ready at <baseUrl>' when ready.")
public final class LocalSolrMain implements Callable<Integer> {

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  private boolean help;

  @Option(
      names = "--home",
      paramLabel = "DIR",
      description = "Solr home: cores, configsets and logs (default: $SOLR_HOME or ./data/solr).")
  private Path home;

  @Option(
      names = "--port",
      paramLabel = "N",
      description = "HTTP port, 0 for any free one (default: $SOLR_PORT or 8983). Standalone only.")
  private Integer port;

  @Option(
      names = "--cloud",
      paramLabel = "NODES",
      description = "Start a local SolrCloud cluster of NODES nodes instead of a standalone node.")
  private Integer cloudNodes;

  @Option(
      names = "--url-file",
      paramLabel = "FILE",
      description = "Write the base URL to FILE once Solr is ready.")
  private Path urlFile;

  /** The system property that registers {@code expat_member_prerank} (solrconfig.xml). */
  static final String NATIVE_PRERANK = "expat.nativePrerank";

  public static void main(String[] args) {
    CommandLine commandLine = new CommandLine(new LocalSolrMain());
    commandLine.setOut(new PrintWriter(System.out, true, StandardCharsets.UTF_8));
    int exitCode = commandLine.execute(args);
    if (exitCode != 0) {
      System.exit(exitCode);
    }
  }

  @Override
  public Integer call() throws Exception {
    LaunchSettings settings;
    try {
      settings = LaunchSettings.resolve(home, port, cloudNodes, urlFile, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("solr: " + e.getMessage());
      return 2;
    }
    SolrLogging.configure(settings.home().resolve("logs"));
    // This jar holds the configset's native functions: enable them unless told otherwise
    // (-Dexpat.nativePrerank=false runs the configset as on a Solr without the jar).
    System.setProperty(NATIVE_PRERANK, System.getProperty(NATIVE_PRERANK, "true"));

    SolrNode node;
    try {
      node = settings.cloudNodes() > 0
          ? CloudNode.start(settings.home(), settings.cloudNodes())
          : StandaloneNode.start(settings.home(), settings.port());
    } catch (LaunchException e) {
      System.err.println("solr: " + e.getMessage());
      return 1;
    }

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      node.close();
      stopped.countDown();
    }, "solr-shutdown"));

    if (settings.urlFile() != null) {
      UrlFile.write(settings.urlFile(), node.baseUrl());
    }
    PrintStream out = System.out;
    out.println("Solr ready at " + node.baseUrl());
    out.flush();
    stopped.await();
    return 0;
  }
}
