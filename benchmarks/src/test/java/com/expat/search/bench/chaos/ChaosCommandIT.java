package com.expat.search.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.bench.BenchMain;
import com.expat.search.testing.db.MariaDbExtension;
import com.expat.search.testing.db.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench chaos} end to end at a size a build can afford: a small generated world, the whole
 * stack as real processes (its own Solr, memcached, indexer and query service; MariaDB and
 * RabbitMQ through proxies it cuts), every phase, every fault. Counts only, never times. The rate
 * spaces the faults about 6 s apart, longer than each takes but Solr's restart, so that changes
 * still flow while each one is down.
 */
class ChaosCommandIT {
  @RegisterExtension static final MariaDbExtension DB = MariaDbExtension.withSchema("db/schema.sql");

  @Test
  void everyPhaseUnderEveryFaultKeepsTheContract(TestDatabase db, @TempDir Path work) throws Exception {
    int exit = BenchMain.commandLine(new BenchMain()).execute("bench", "chaos",
        "--members", "400", "--events", "40", "--seed", "7",
        "--changes", "900", "--rate", "24", "--writers", "2", "--outage", "1s", "--converge-limit", "3m",
        "--malformed", "48", "--hostile", "300", "--probes", "600", "--viewers", "20", "--change-every", "20ms",
        "--threads", "2",
        "--db-url", db.jdbcUrl(), "--names", "chaos-it-" + UUID.randomUUID(),
        "--solr-port", Integer.toString(freePort()), "--http-port", Integer.toString(freePort()),
        "--memcached-port", Integer.toString(freePort()),
        "--solr-jar", "../solr-config/target/solr-config.jar",
        "--work", work.toString(), "--out", work.resolve("out").toString());

    JsonNode result = new ObjectMapper().readTree(work.resolve("out").resolve("result.json").toFile());
    JsonNode a = result.get("a_changesUnderFaults");
    assertThat(a.get("faults")).hasSize(5);
    assertThat(a.get("changesPublished").asLong()).isPositive();
    assertThat(a.get("rowsBehindAtEnd").asLong()).as("rows behind: %s", a.get("firstRowsBehind")).isZero();
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

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
