package com.expat.search.bench.cost;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.bench.BenchMain;
import com.expat.search.common.solr.SolrSettings;
import com.expat.search.indexer.demo.DemoWorldLoader;
import com.expat.search.indexer.generate.WorldSpec;
import com.expat.search.indexer.solr.SolrIndexAdmin;
import com.expat.search.indexer.solr.SolrSearchIndex;
import com.expat.search.query.QueryService;
import com.expat.search.query.QueryServiceConfig;
import com.expat.search.common.solr.IndexNames;
import com.expat.search.testing.solr.SolrCores;
import com.expat.search.testing.solr.SolrExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code bench cost} end to end on a small generated world: a real Solr (its own process), the
 * query service in-process, both sides asked for real. Figures are only checked to be there and
 * sane (positive, every request answered, none from a cache), never for speed.
 */
@ExtendWith(SolrExtension.class)
class CostCommandIT {
  private static final WorldSpec WORLD = new WorldSpec(2_000, 100, 42);

  @Test
  void printsTheCpuPerRequestOfBothSidesAndTheirRatioForMatchesAndTextSearch(SolrCores solr, @TempDir Path out)
      throws Exception {
    new DemoWorldLoader(new SolrSearchIndex(solr.client()), new SolrIndexAdmin(solr.client()), solr.members(),
        solr.events(), solr.catalog()).load(WORLD, true, new PrintStream(new ByteArrayOutputStream(), true));
    Duration ttl = Duration.ofSeconds(60);
    QueryServiceConfig config = new QueryServiceConfig(0, SolrSettings.at(URI.create(solr.baseUrl())),
        new IndexNames(solr.members(), solr.events(), solr.catalog()), ttl, ttl, 1_000, Duration.ofMinutes(10));
    try (QueryService service = QueryService.start(config)) {
      StringWriter stdout = new StringWriter();
      StringWriter stderr = new StringWriter();
      CommandLine line = BenchMain.commandLine(new BenchMain());
      line.setOut(new PrintWriter(stdout, true));
      line.setErr(new PrintWriter(stderr, true));
      int exit = line.execute("bench", "cost", "--url", "http://127.0.0.1:" + service.port(), "--solr", solr.baseUrl(),
          "--members-core", solr.members(), "--viewers", "30", "--searches", "30", "--rounds", "2", "--warmup", "5", "--warmup-passes", "2", "--idle", "200ms",
          "--world-members", "2000", "--world-events", "100", "--world-seed", "42", "--mix-size", "2000",
          "--out", out.toString());
      String text = stdout.toString();
      System.out.println(text);

      assertThat(exit).as(stderr.toString()).isZero();
      assertThat(text).containsPattern("matches +ours [0-9.]+ \\+ [0-9.]+ = [0-9.]+ ms CPU/req, plain Solr [0-9.]+ ms/req: [0-9.]+x")
          .containsPattern("member_search +ours .*: [0-9.]+x; 2 rounds: median [0-9.]+x, [0-9.]+-[0-9.]+x")
          .contains("load average before");
      JsonNode result = new ObjectMapper().readTree(out.resolve("result.json").toFile());
      assertThat(result.path("comparisons")).hasSize(2);
      for (JsonNode row : result.path("comparisons")) {
        String endpoint = row.path("endpoint").asText();
        // two rounds of 30 new requests each, pooled
        assertThat(row.path("requests").asLong()).as(endpoint).isEqualTo(60);
        assertThat(row.path("plain_requests").asLong()).as(endpoint).isEqualTo(60);
        assertThat(row.path("round_ratios")).as(endpoint).hasSize(2);
        for (String figure : new String[] {"ours_solr_ms", "ours_service_ms", "plain_solr_ms", "ratio"}) {
          double value = row.path(figure).asDouble();
          assertThat(value).as(endpoint + " " + figure).isPositive().isLessThan(10_000);
        }
        // the service publishes its JIT's compiling time; what of its CPU that was, the bench reports
        assertThat(row.path("ours_service_compiling_ms").isNumber()).as(endpoint + " compiling").isTrue();
        assertThat(row.path("ours_service_compiling_ms").asDouble()).as(endpoint + " compiling").isNotNegative();
        JsonNode ours = result.path("outcomes").path(endpoint + " ours");
        assertThat(ours.path("errors").size()).as(endpoint + " errors").isZero();
        assertThat(ours.path("tiers").path("uncached").asLong()).as(endpoint + " uncached").isEqualTo(60);
        assertThat(result.path("outcomes").path(endpoint + " plain").path("tiers").path("solr").asLong()).isEqualTo(60);
      }
      assertThat(out.resolve("report.md")).content().contains("| matches | ours (service) | 60 |", "| member_search | plain Solr | 60 |");
      // Both processes run here, so their CPU was read from /proc, nothing asked of them: Solr is its
      // own process, and the service is this test's JVM (in-process here, so its figure includes the bench).
      long ours = ProcessHandle.current().pid();
      assertThat(result.path("cpu_read_from").path("Solr").asText()).startsWith("/proc/").doesNotStartWith("/proc/" + ours + " ");
      assertThat(result.path("cpu_read_from").path("the query service").asText()).startsWith("/proc/" + ours + " ");
      assertThat(out.resolve("report.md")).content().contains("Solr's CPU was read from /proc/");
    }
  }
}
