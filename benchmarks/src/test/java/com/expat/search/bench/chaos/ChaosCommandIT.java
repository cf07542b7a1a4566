package com.expat.search.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.bench.BenchMain;
import com.expat.search.testing.db.MariaDbExtension;
import com.expat.search.testing.db.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench chaos} end to end at a size a build can afford: a small generated world, the whole
 * stack as real processes (its own Solr, memcached, indexer and query service; MariaDB and
 * RabbitMQ through proxies it cuts), every phase, every fault. Counts only, never times. The rate
 * spaces the faults about 6 s apart, longer than each takes but Solr's restart, so that changes
 * still flow while each one is down.
 *
 * <p>The stack's process logs and result.json are copied to {@value #KEPT} (replaced by each run)
 * before anything is checked, and a failure's message ends with the tail of each log: the
 * temporary directory is gone by the time anyone reads the report, and a rare failure must explain
 * itself the first time.
 */
class ChaosCommandIT {
  /** Where the last run's logs are kept, relative to the module (failsafe's working directory). */
  static final String KEPT = "target/chaos-it";
  private static final int TAIL_LINES = 60;

  @RegisterExtension static final MariaDbExtension DB = MariaDbExtension.withSchema("db/schema.sql");

  @Test
  void everyPhaseUnderEveryFaultKeepsTheContract(TestDatabase db, @TempDir Path work) throws Exception {
    int exit;
    try {
      exit = runChaos(db, work);
    } catch (IOException | RuntimeException | Error e) {
      throw new AssertionError("bench chaos did not finish" + keepLogs(work), e);
    }
    String logs = keepLogs(work);
    try {
      checkContract(work, exit);
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + logs, e);
    }
  }

  private static int runChaos(TestDatabase db, Path work) throws IOException {
    return BenchMain.commandLine(new BenchMain()).execute("bench", "chaos",
        "--members", "400", "--events", "40", "--seed", "7",
        "--changes", "900", "--rate", "24", "--writers", "2", "--outage", "1s", "--converge-limit", "3m",
        "--malformed", "48", "--hostile", "300", "--probes", "600", "--viewers", "20", "--change-every", "20ms",
        "--threads", "2",
        "--db-url", db.jdbcUrl(), "--names", "chaos-it-" + UUID.randomUUID(),
        "--solr-port", Integer.toString(freePort()), "--http-port", Integer.toString(freePort()),
        "--memcached-port", Integer.toString(freePort()),
        "--solr-jar", "../solr-config/target/solr-config.jar",
        "--work", work.toString(), "--out", work.resolve("out").toString());
  }

  private static void checkContract(Path work, int exit) throws IOException {
    JsonNode result = new ObjectMapper().readTree(work.resolve("out").resolve("result.json").toFile());
    JsonNode a = result.get("a_changesUnderFaults");
    assertThat(a.get("faults")).hasSize(5);
    assertThat(a.get("changesPublished").asLong()).isPositive();
    assertThat(a.get("rowsBehindAtEnd").asLong())
        .as("rows behind: %s, last changed by changes %s; faults %s", a.get("firstRowsBehindVersions"),
            a.get("firstRowsBehindLastChange"), a.get("faults"))
        .isZero();
    assertThat(a.get("convergedMillisAfterLastChange").asLong()).isNotNegative();
    assertThat(a.get("duplicateDocuments").asLong()).isZero();
    JsonNode b = result.get("b_malformedMessages");
    assertThat(b.get("deadLettered").asLong()).isEqualTo(48);
    assertThat(b.get("deadLetteredWithReason").asLong()).isEqualTo(48);
    assertThat(b.get("kinds")).hasSize(12);
    assertThat(b.get("goodRowsChangedBetweenThem").asLong()).isPositive();
    assertThat(b.get("goodRowsNotApplied").asLong()).isZero();
    JsonNode c = result.get("c_hostileRequests");
    assertThat(c.get("serverErrors").asLong()).as("%s", c.get("firstServerErrors")).isZero();
    assertThat(c.get("syntaxSearchesChecked").asLong()).isPositive();
    assertThat(c.get("syntaxInterpreted").asLong()).as("%s", c.get("firstSyntaxInterpreted")).isZero();
    assertThat(c.get("statuses").has("400")).isTrue();
    JsonNode d = result.get("d_privacyProbes");
    assertThat(d.get("cachedAnswers").asLong()).isPositive();
    assertThat(d.get("uncachedAnswers").asLong()).isPositive();
    assertThat(d.get("changes").asLong()).isPositive();
    assertThat(d.get("settledRestrictionsInForceAtProbeTime").asLong()).isPositive();
    assertThat(d.get("leaks").asLong()).as("%s", d.get("firstLeaks")).isZero();
    assertThat(exit).isZero();
  }

  /**
   * Copies the run's logs and result.json to {@value #KEPT} and returns the tail of each log, to
   * end a failure's message with.
   */
  private static String keepLogs(Path work) {
    StringBuilder tails = new StringBuilder();
    try {
      Path kept = Path.of(KEPT);
      if (Files.isDirectory(kept)) {
        try (Stream<Path> old = Files.list(kept)) {
          for (Path file : old.toList()) {
            Files.delete(file);
          }
        }
      }
      Files.createDirectories(kept);
      List<Path> files = new ArrayList<>();
      Path logs = work.resolve("logs");
      if (Files.isDirectory(logs)) {
        try (Stream<Path> listed = Files.list(logs)) {
          files.addAll(listed.sorted().toList());
        }
      }
      // The Solr node's own log (updates, commits, log replay after a kill): logs/solr.log has only its console.
      Path solrNode = work.resolve("solr").resolve("logs").resolve("solr.log");
      Path result = work.resolve("out").resolve("result.json");
      for (Path extra : List.of(solrNode, result)) {
        if (Files.exists(extra)) {
          files.add(extra);
        }
      }
      for (Path file : files) {
        String name = file.equals(solrNode) ? "solr-node.log" : file.getFileName().toString();
        Files.copy(file, kept.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        if (name.endsWith(".log")) {
          String[] lines = Files.readString(file).split("\n");
          tails.append("\n---- last ").append(Math.min(TAIL_LINES, lines.length)).append(" lines of ")
              .append(name).append(" ----\n")
              .append(String.join("\n", Arrays.copyOfRange(lines, Math.max(0, lines.length - TAIL_LINES), lines.length)));
        }
      }
      tails.append("\n---- every log in full: ").append(kept.toAbsolutePath()).append(" ----");
    } catch (IOException e) {
      tails.append("\n(the logs could not be kept: ").append(e).append(')');
    }
    return tails.toString();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
