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
 * The bundled local Solr: a standalone node, a local SolrCloud cluster of node processes
 * ({@link LocalCloud}), or one node joining a cluster ({@link CloudMember}), with configset
 * {@code expat} and the cores (aliases, on SolrCloud) {@code members}, {@code events} and
 * {@code catalog}. It runs in its own JVM, because Solr's Jetty 10 cannot share a class path
 * with the query service's Jetty 12.
 *
 * <p>Contract with whoever starts it: when the node answers, exactly one line
 * {@code Solr ready at <baseUrl>} is printed on stdout (and the base URL written to
 * {@code --url-file}, atomically), after, for a cluster, the line {@code SOLR_ZK_HOSTS=<zk>}
 * (and {@code solr: ZooKeeper at <zk>} on stderr); a failure to start prints the reason on stderr and exits
 * non-zero (2 for bad options, 1 otherwise); SIGTERM stops Solr cleanly. Solr's own log goes to
 * {@code <home>/logs/solr.log}, warnings also to stderr.
 */
@Command(
    name = "expat-search solr",
    description =
        "Runs a local Solr with the expat configset: a standalone node (cores members, events,"
            + " catalog, kept across restarts under --home); with --cloud N, a SolrCloud of N node"
            + " processes on --port, --port + 1, ... and ZooKeeper on --zk-port (collection"
            + " aliases members, events, catalog, a replica on every node; empty at every start;"
            + " prints the SOLR_ZK_HOSTS to use); with --join, one node of a running cluster"
            + " (to start a lost node again). Prints 'Solr ready at <baseUrl>' when ready.")
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
      description = "HTTP port, 0 for any free one (default: $SOLR_PORT or 8983); with --cloud the"
          + " first node's, the others on the next ports (0: each node a free one).")
  private Integer port;

  @Option(
      names = "--cloud",
      paramLabel = "NODES",
      description = "Start a local SolrCloud of NODES node processes instead of a standalone node.")
  private Integer cloudNodes;

  @Option(
      names = "--zk-port",
      paramLabel = "N",
      description = "With --cloud: ZooKeeper's port, 0 for any free one (default: 9983).")
  private Integer zkPort;

  @Option(
      names = "--shards",
      paramLabel = "N",
      description = "With --cloud: shards per collection (default: 1 on one node, else the larger of"
          + " 2 and NODES/2 rounded up, so that every node holds a replica).")
  private Integer shards;

  @Option(
      names = "--join",
      paramLabel = "ZK",
      description = "Run one SolrCloud node joined to the cluster whose ZooKeeper is ZK, on --port"
          + " with its cores under --home (how a lost node of --cloud starts again).")
  private String join;

  @Option(
      names = "--url-file",
      paramLabel = "FILE",
      description = "Write the base URL to FILE once Solr is ready.")
  private Path urlFile;

  /** The system property that registers the ranking plugin, {@code expat_matches} and {@code expat_events} (solrconfig.xml). */
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
      settings = LaunchSettings.resolve(home, port, cloudNodes, shards, zkPort, join, urlFile, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("solr: " + e.getMessage());
      return 2;
    }
    SolrLogging.configure(settings.home().resolve("logs"));
    // This jar holds the configset's ranking plugin: enable it unless told otherwise
    // (-Dexpat.nativePrerank=false runs the configset as on a Solr without the jar).
    System.setProperty(NATIVE_PRERANK, System.getProperty(NATIVE_PRERANK, "true"));

    SolrNode node;
    try {
      if (settings.joins()) {
        node = CloudMember.join(
            settings.home(), settings.port() == 0 ? Ports.free() : settings.port(), settings.join());
        exitWhenParentIsGone();
      } else if (settings.cloudNodes() > 0) {
        node = LocalCloud.start(settings);
      } else {
        node = StandaloneNode.start(settings.home(), settings.port());
      }
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
    if (node instanceof LocalCloud cloud) {
      cloud.describeNodes().forEach(line -> System.err.println("solr: " + line));
      System.err.println("solr: ZooKeeper at " + cloud.zkHost());
      out.println("SOLR_ZK_HOSTS=" + cloud.zkHost());
    }
    out.println("Solr ready at " + node.baseUrl());
    out.flush();
    stopped.await();
    return 0;
  }

  /**
   * A joined node is a child of the launcher of its cluster (or of whoever started it again):
   * when that process is gone, so is the cluster's ZooKeeper, and the node stops rather than
   * linger on its port.
   */
  private static void exitWhenParentIsGone() {
    ProcessHandle.current().parent().ifPresent(parent -> {
      Thread watcher = new Thread(() -> {
        parent.onExit().join();
        System.err.println("solr: the process that started this node (pid " + parent.pid() + ") is gone; stopping");
        System.exit(0);
      }, "parent-watch");
      watcher.setDaemon(true);
      watcher.start();
    });
  }
}
