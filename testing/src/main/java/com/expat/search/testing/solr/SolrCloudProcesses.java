package com.expat.search.testing.solr;

import com.expat.search.common.solr.SolrClients;
import com.expat.search.common.solr.SolrSettings;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.CoreAdminRequest;
import org.apache.solr.client.solrj.response.CoreAdminResponse;
import org.apache.solr.common.util.NamedList;

/**
 * The project's local SolrCloud ({@code solr-config.jar --cloud N}) as real processes: the
 * launcher with ZooKeeper, and N Solr nodes each in its own JVM, on free ports, under a test's
 * directory. A node can be killed ({@code kill -9}) and started again on its port and home
 * ({@code --join}), as an operator would. Closing stops the launcher (which stops its nodes) and
 * any node started again here.
 *
 * <p>{@link #shared} gives the test classes of one JVM one cluster: a start costs three JVMs.
 */
public final class SolrCloudProcesses implements AutoCloseable {
  private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);
  private static final Map<String, SolrCloudProcesses> SHARED = new HashMap<>();

  private final Process launcher;
  private final Path dir;
  private final Properties layout;
  private final Map<Integer, Process> restarted = new HashMap<>();
  private final List<String> jvmOptions;
  private final Set<Integer> down = new HashSet<>();
  private volatile boolean shared;

  private SolrCloudProcesses(Process launcher, Path dir, Properties layout, List<String> jvmOptions) {
    this.launcher = launcher;
    this.dir = dir;
    this.layout = layout;
    this.jvmOptions = jvmOptions;
  }

  /**
   * Starts a cluster of {@code nodes} with {@code shards} shards per collection in {@code dir}.
   * Nodes run with a 384 MB heap and a ZooKeeper session of {@code zkSession}: how long a killed
   * node still counts as live and still leads its shards.
   */
  public static SolrCloudProcesses start(Path dir, int nodes, int shards, Duration zkSession)
      throws IOException, InterruptedException {
    Path jar = ProjectRoot.find().resolve("solr-config/target/solr-config.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is not built: mvn -o -q package -DskipTests -pl solr-config -am");
    }
    List<String> jvmOptions = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1",
        "-DzkClientTimeout=" + zkSession.toMillis());
    Path home = dir.resolve("home");
    Path urlFile = dir.resolve("url");
    List<String> command = new ArrayList<>();
    command.add(java());
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar.toString(), "--cloud", Integer.toString(nodes),
        "--shards", Integer.toString(shards), "--port", "0", "--zk-port", "0",
        "--home", home.toString(), "--url-file", urlFile.toString()));
    Path log = dir.resolve("launcher.log");
    Process launcher = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
      while (!Files.exists(urlFile)) {
        if (!launcher.isAlive()) {
          throw new IllegalStateException("the launcher exited with " + launcher.exitValue() + ":\n"
              + Files.readString(log, StandardCharsets.UTF_8));
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("SolrCloud not ready within " + READY_TIMEOUT + "; see " + log);
        }
        Thread.sleep(100);
      }
      Properties layout = new Properties();
      try (Reader reader = Files.newBufferedReader(home.resolve("cloud/cluster.properties"), StandardCharsets.UTF_8)) {
        layout.load(reader);
      }
      return new SolrCloudProcesses(launcher, dir, layout, jvmOptions);
    } catch (IOException | InterruptedException | RuntimeException e) {
      LocalSolrProcess.stop(launcher);
      throw e;
    }
  }

  /**
   * The cluster of this JVM with this layout, started at the first request in a temporary
   * directory and stopped at JVM exit; {@link #close} leaves it running. The classes sharing it
   * each keep to collections of their own, and start again every node they kill: a cluster found
   * with a node still down (a class failed halfway) is stopped and replaced by a fresh one.
   */
  public static synchronized SolrCloudProcesses shared(int nodes, int shards, Duration zkSession)
      throws IOException, InterruptedException {
    String key = nodes + " nodes, " + shards + " shards, session " + zkSession;
    SolrCloudProcesses cloud = SHARED.get(key);
    if (cloud != null && cloud.launcher.isAlive() && cloud.down.isEmpty()) {
      return cloud;
    }
    if (cloud != null) {
      cloud.stop();
    }
    Path dir = Files.createTempDirectory("expat-solrcloud-test-");
    try {
      cloud = start(dir, nodes, shards, zkSession);
    } catch (IOException | InterruptedException | RuntimeException e) {
      LocalSolrProcess.deleteQuietly(dir);
      throw e;
    }
    cloud.shared = true;
    SHARED.put(key, cloud);
    SolrCloudProcesses started = cloud;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      started.stop();
      LocalSolrProcess.deleteQuietly(dir);
    }, "solrcloud-test-stop"));
    return cloud;
  }

  /** What {@code SOLR_ZK_HOSTS} says to reach this cluster. */
  public String zkHosts() {
    return layout.getProperty("zkHost");
  }

  public int nodes() {
    return Integer.parseInt(layout.getProperty("nodes"));
  }

  /** Base URL of node {@code number} (1-based). */
  public String nodeUrl(int number) {
    return layout.getProperty("node." + number + ".url");
  }

  /** Solr's name for node {@code number}, as in {@code live_nodes}. */
  public String nodeName(int number) {
    return "127.0.0.1:" + layout.getProperty("node." + number + ".port") + "_solr";
  }

  /** {@code kill -9} of node {@code number}: no shutdown, no goodbye to ZooKeeper. */
  public void kill(int number) throws InterruptedException {
    Process again = restarted.remove(number);
    ProcessHandle handle = again != null
        ? again.toHandle()
        : ProcessHandle.of(Long.parseLong(layout.getProperty("node." + number + ".pid"))).orElseThrow(
            () -> new IllegalStateException("node " + number + " is not running"));
    down.add(number);
    handle.destroyForcibly();
    handle.onExit().join();
  }

  /** Starts node {@code number} again on its port and home, and waits until it answers. */
  public void restart(int number) throws IOException, InterruptedException {
    Path home = Path.of(layout.getProperty("node." + number + ".home"));
    Path urlFile = home.resolve("url-restarted");
    Files.deleteIfExists(urlFile);
    List<String> command = new ArrayList<>();
    command.add(java());
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", ProjectRoot.find().resolve("solr-config/target/solr-config.jar").toString(),
        "--join", zkHosts(), "--port", layout.getProperty("node." + number + ".port"),
        "--home", home.toString(), "--url-file", urlFile.toString()));
    Path log = dir.resolve("node" + number + "-restarted.log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    restarted.put(number, process);
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (!Files.exists(urlFile)) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException("node " + number + " did not start again:\n"
            + Files.readString(log, StandardCharsets.UTF_8));
      }
      Thread.sleep(100);
    }
    down.remove(number);
  }

  /**
   * Per collection, per replica ({@code node_name state}, the state {@code gone} while the node is
   * not in {@code live_nodes}), from the cluster status; what a test waits on after a node is
   * lost or back.
   */
  public Map<String, List<String>> replicaStates() throws Exception {
    try (SolrClient client = SolrClients.create(SolrSettings.cloud(zkHosts()).withRequestTimeout(Duration.ofSeconds(30)))) {
      NamedList<Object> status = CollectionAdminRequest.getClusterStatus().process(client).getResponse();
      Map<String, List<String>> states = new LinkedHashMap<>();
      Map<?, ?> cluster = asMap(status.get("cluster"));
      List<?> live = cluster.get("live_nodes") instanceof List<?> list ? list : List.of();
      Map<?, ?> collections = asMap(cluster.get("collections"));
      for (Map.Entry<?, ?> collection : collections.entrySet()) {
        List<String> replicas = new ArrayList<>();
        for (Object shard : asMap(asMap(collection.getValue()).get("shards")).values()) {
          for (Object replica : asMap(asMap(shard).get("replicas")).values()) {
            Map<?, ?> fields = asMap(replica);
            Object node = fields.get("node_name");
            replicas.add(node + " " + (live.contains(node) ? fields.get("state") : "gone"));
          }
        }
        states.put(collection.getKey().toString(), replicas);
      }
      return states;
    }
  }

  /**
   * The numbers of the nodes leading a shard of {@code collection} (a collection, not an alias),
   * from the cluster status.
   */
  public Set<Integer> leadingNodes(String collection) throws Exception {
    try (SolrClient client = SolrClients.create(SolrSettings.cloud(zkHosts()).withRequestTimeout(Duration.ofSeconds(30)))) {
      NamedList<Object> status = CollectionAdminRequest.getClusterStatus().setCollectionName(collection)
          .process(client).getResponse();
      Set<Integer> leaders = new TreeSet<>();
      Map<?, ?> state = asMap(asMap(asMap(status.get("cluster")).get("collections")).get(collection));
      for (Object shard : asMap(state.get("shards")).values()) {
        for (Object replica : asMap(asMap(shard).get("replicas")).values()) {
          Map<?, ?> fields = asMap(replica);
          if ("true".equals(String.valueOf(fields.get("leader")))) {
            for (int number = 1; number <= nodes(); number++) {
              if (nodeName(number).equals(fields.get("node_name"))) {
                leaders.add(number);
              }
            }
          }
        }
      }
      return leaders;
    }
  }

  /**
   * Documents per shard of {@code collection} in node {@code number}'s own replicas, each core
   * counted alone ({@code distrib=false}): equal on every node once replicas have recovered.
   */
  public Map<String, Long> shardCounts(int number, String collection) throws Exception {
    Map<String, Long> counts = new TreeMap<>();
    try (SolrClient node = SolrClients.create(
        SolrSettings.at(URI.create(nodeUrl(number))).withRequestTimeout(Duration.ofSeconds(30)))) {
      CoreAdminResponse cores = CoreAdminRequest.getStatus(null, node);
      for (Map.Entry<String, NamedList<Object>> core : cores.getCoreStatus()) {
        String name = core.getKey();
        int replica = name.indexOf("_replica");
        if (name.startsWith(collection + "_shard") && replica > 0) {
          SolrQuery all = new SolrQuery("*:*").setRows(0).setParam("distrib", "false");
          counts.put(name.substring(collection.length() + 1, replica),
              node.query(name, all).getResults().getNumFound());
        }
      }
    }
    return counts;
  }

  /** Waits until every replica of every collection is active; false when {@code limit} passes first. */
  public boolean awaitAllActive(Duration limit) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (replicaStates().values().stream().flatMap(List::stream).allMatch(state -> state.endsWith(" active"))) {
        return true;
      }
      Thread.sleep(250);
    }
    return false;
  }

  /** Stops the cluster, unless it is {@linkplain #shared shared} (then at JVM exit). */
  @Override
  public void close() {
    if (!shared) {
      stop();
    }
  }

  private synchronized void stop() {
    restarted.values().forEach(LocalSolrProcess::stop);
    LocalSolrProcess.stop(launcher);
  }

  private static Map<?, ?> asMap(Object value) {
    if (value instanceof NamedList<?> list) {
      Map<String, Object> map = new LinkedHashMap<>();
      list.forEach(entry -> map.put(entry.getKey(), entry.getValue()));
      return map;
    }
    return value == null ? Map.of() : (Map<?, ?>) value;
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
