package com.expat.search.solr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.cloud.ZkConfigSetService;
import org.apache.solr.cloud.ZkTestServer;
import org.apache.solr.common.cloud.SolrZkClient;
import org.apache.solr.common.cloud.ZkMaintenanceUtils;

/**
 * A local SolrCloud of real processes: ZooKeeper in this JVM (on 9983 by default, as
 * {@code bin/solr -c} has it, but outside every Solr node, so that losing any node loses no
 * ZooKeeper), and N nodes, each its own JVM running {@link CloudMember} on its own port (8983,
 * 8984, ... by default) with its own home {@code <home>/cloud/node<i>}. Configset {@code expat} is
 * uploaded, and each of {@code members}, {@code events} and {@code catalog} is an alias of a
 * collection {@code <name>_v1} with min(N, 2) replicas per shard, enough shards that every node
 * holds a replica, so that any one node can be lost.
 *
 * <p>The cluster starts empty every time. Its layout is written to
 * {@code <home>/cloud/cluster.properties} (ZooKeeper, each node's port, pid and home) for whoever
 * drives it, tests included. A node that dies is reported on stderr with the command that starts
 * it again; it is not restarted behind the operator's back. Closing stops every node (SIGTERM),
 * then ZooKeeper. A node exits by itself when this process is gone.
 */
final class LocalCloud implements SolrNode {
  private static final Duration NODE_START_LIMIT = Duration.ofMinutes(3);
  private static final Duration NODE_STOP_LIMIT = Duration.ofSeconds(60);
  private static final List<String> ALIASES = StandaloneNode.CORES;

  private final ZkTestServer zookeeper;
  private final String zkHost;
  private final List<Node> nodes = new ArrayList<>();
  private volatile boolean closing;

  /** A node's process and where it lives. */
  private record Node(int number, int port, Path home, Process process) {
    String url() {
      return "http://127.0.0.1:" + port + "/solr";
    }
  }

  private LocalCloud(ZkTestServer zookeeper, String zkHost) {
    this.zookeeper = zookeeper;
    this.zkHost = zkHost;
  }

  /**
   * @throws LaunchException when ZooKeeper, a node or a collection cannot be started or created
   */
  static LocalCloud start(LaunchSettings settings) {
    Path dir = settings.home().resolve("cloud");
    Path confDir;
    try {
      Configset.deleteRecursively(dir);
      Files.createDirectories(dir);
      confDir = Configset.installInto(settings.home().resolve("configsets"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + dir, e);
    }
    Ports.requireFree(settings.zkPort());
    ZkTestServer zookeeper;
    try {
      zookeeper = new ZkTestServer(dir.resolve("zookeeper"), settings.zkPort());
      zookeeper.run(false);
    } catch (Exception e) {
      throw new LaunchException("ZooKeeper failed to start on port " + settings.zkPort() + ": " + e, e);
    }
    LocalCloud cloud = new LocalCloud(zookeeper, "127.0.0.1:" + zookeeper.getPort());
    try {
      cloud.uploadConfigset(confDir);
      cloud.startNodes(settings, dir);
      cloud.createCollections(settings);
      cloud.writeLayout(dir.resolve("cluster.properties"));
      cloud.reportDeaths();
      return cloud;
    } catch (RuntimeException e) {
      cloud.close();
      throw e instanceof LaunchException ? e : new LaunchException("the cluster failed to start: " + e, e);
    }
  }

  /** What {@code SOLR_ZK_HOSTS} should say to reach this cluster. */
  String zkHost() {
    return zkHost;
  }

  @Override
  public String baseUrl() {
    return nodes.get(0).url();
  }

  /** One line per node, for the operator. */
  List<String> describeNodes() {
    return nodes.stream().map(node -> "node " + node.number() + " at " + node.url() + " (pid "
        + node.process().pid() + ", home " + node.home() + ")").toList();
  }

  private void uploadConfigset(Path confDir) {
    try (SolrZkClient client = new SolrZkClient.Builder().withUrl(zkHost)
        .withTimeout(30, TimeUnit.SECONDS).withConnTimeOut(30, TimeUnit.SECONDS).build()) {
      ZkMaintenanceUtils.uploadToZK(client, confDir, ZkConfigSetService.CONFIGS_ZKNODE + "/" + Configset.NAME,
          Pattern.compile("^\\..*$"));
    } catch (IOException | RuntimeException e) {
      throw new LaunchException("cannot upload configset " + Configset.NAME + " to " + zkHost + ": " + e, e);
    }
  }

  private void startNodes(LaunchSettings settings, Path dir) {
    List<Path> urlFiles = new ArrayList<>();
    for (int number = 1; number <= settings.cloudNodes(); number++) {
      int port = settings.port() == 0 ? Ports.free() : settings.port() + number - 1;
      Ports.requireFree(port);
      Path home = dir.resolve("node" + number);
      Path urlFile = home.resolve("url");
      try {
        Files.createDirectories(home);
        Process process = new ProcessBuilder(joinCommand(zkHost, port, home, urlFile))
            .redirectErrorStream(true)
            .redirectOutput(home.resolve("console.log").toFile())
            .start();
        nodes.add(new Node(number, port, home, process));
      } catch (IOException e) {
        throw new LaunchException("cannot start node " + number + ": " + e.getMessage(), e);
      }
      urlFiles.add(urlFile);
    }
    long deadline = System.nanoTime() + NODE_START_LIMIT.toNanos();
    for (int i = 0; i < nodes.size(); i++) {
      Node node = nodes.get(i);
      while (!Files.exists(urlFiles.get(i))) {
        if (!node.process().isAlive()) {
          throw new LaunchException("node " + node.number() + " exited with " + node.process().exitValue()
              + "; see " + node.home().resolve("console.log") + " and " + node.home().resolve("logs"));
        }
        if (System.nanoTime() > deadline) {
          throw new LaunchException("node " + node.number() + " not ready within " + NODE_START_LIMIT);
        }
        sleep(100);
      }
    }
  }

  /**
   * The command that starts (or starts again) one node of this cluster: this JVM's class path and
   * JVM options (so {@code SOLR_JAVA_OPTS} size every node), {@link LocalSolrMain} with
   * {@code --join}.
   */
  static List<String> joinCommand(String zkHost, int port, Path home, Path urlFile) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (!argument.startsWith("-agentlib:jdwp")) { // a debugger's port is this JVM's alone
        command.add(argument);
      }
    }
    command.add("-cp");
    command.add(absoluteClassPath());
    command.add(LocalSolrMain.class.getName());
    command.addAll(List.of("--join", zkHost, "--port", Integer.toString(port), "--home", home.toString(),
        "--url-file", urlFile.toString()));
    return command;
  }

  private static String absoluteClassPath() {
    return Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
        .map(entry -> Path.of(entry).toAbsolutePath().toString())
        .reduce((a, b) -> a + java.io.File.pathSeparator + b).orElseThrow();
  }

  private void createCollections(LaunchSettings settings) {
    int replicas = Math.min(settings.cloudNodes(), 2);
    try (CloudSolrClient client = new CloudSolrClient.Builder(List.of(zkHost), Optional.empty()).build()) {
      long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
      while (client.getClusterStateProvider().getLiveNodes().size() < nodes.size()) {
        if (System.nanoTime() > deadline) {
          throw new LaunchException("only " + client.getClusterStateProvider().getLiveNodes()
              + " of " + nodes.size() + " nodes registered in ZooKeeper within a minute");
        }
        sleep(100);
      }
      for (String alias : ALIASES) {
        String collection = alias + "_v1";
        CollectionAdminRequest.Create create = CollectionAdminRequest.createCollection(
            collection, Configset.NAME, settings.shards(), replicas);
        create.setWaitForFinalState(true);
        create.process(client);
        CollectionAdminRequest.createAlias(alias, collection).process(client);
      }
    } catch (LaunchException e) {
      throw e;
    } catch (Exception e) {
      throw new LaunchException("cannot create the collections: " + e.getMessage(), e);
    }
  }

  /** {@code cluster.properties}: what a test or an operator needs to find and restart a node. */
  private void writeLayout(Path file) {
    Map<String, String> layout = new TreeMap<>();
    layout.put("zkHost", zkHost);
    layout.put("nodes", Integer.toString(nodes.size()));
    for (Node node : nodes) {
      String key = "node." + node.number() + ".";
      layout.put(key + "port", Integer.toString(node.port()));
      layout.put(key + "pid", Long.toString(node.process().pid()));
      layout.put(key + "home", node.home().toString());
      layout.put(key + "url", node.url());
    }
    StringBuilder text = new StringBuilder("# Written by expat-search solr --cloud once the cluster is ready.\n");
    layout.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
    try {
      Path partial = Files.createTempFile(file.getParent(), "cluster", ".partial");
      Files.writeString(partial, text.toString(), StandardCharsets.UTF_8);
      Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private void reportDeaths() {
    for (Node node : nodes) {
      node.process().onExit().thenAccept(process -> {
        if (!closing) {
          System.err.println("solr: node " + node.number() + " on port " + node.port() + " (pid " + process.pid()
              + ") exited with " + process.exitValue() + "; start it again with: bin/expat-search solr --join "
              + zkHost + " --port " + node.port() + " --home " + node.home());
        }
      });
    }
  }

  @Override
  public void close() {
    closing = true;
    for (Node node : nodes) {
      node.process().destroy();
    }
    for (Node node : nodes) {
      try {
        if (!node.process().waitFor(NODE_STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
          System.err.println("solr: node " + node.number() + " did not stop within " + NODE_STOP_LIMIT + "; killing it");
          node.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        node.process().destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    try {
      zookeeper.shutdown();
    } catch (Exception e) {
      System.err.println("solr: error while stopping ZooKeeper: " + e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LaunchException("interrupted while the cluster started", e);
    }
  }
}
