package com.expat.search.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The load generator end to end against a tiny HTTP server on loopback, for two seconds. */
class LoadGeneratorIT {
  @Test
  void aShortSweepMeasuresEveryTierAndWritesItsReport(@TempDir Path dir) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    AtomicInteger count = new AtomicInteger();
    server.createContext("/", exchange -> {
      int n = count.incrementAndGet();
      exchange.getResponseHeaders().set("X-Cache", n % 3 == 0 ? "miss" : "hit");
      if (n % 3 != 0) {
        exchange.getResponseHeaders().set("X-Cache-Tier", n % 3 == 1 ? "l1" : "l2");
      }
      byte[] body = "{\"total\":0,\"page\":1,\"size\":20,\"items\":[]}".getBytes();
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.start();
    ExecutorService executor = Executors.newFixedThreadPool(2);
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort();
      HttpTransport transport = new HttpTransport(url, Duration.ofSeconds(2), Map.of(), executor);
      OpenLoopRunner runner = new OpenLoopRunner(transport, LoadClock.SYSTEM, 64, Duration.ofSeconds(2));
      SweepOptions options = new SweepOptions();
      picocli.CommandLine.populateCommand(options, "--rates", "40,80", "--duration", "1s", "--warmup", "200ms", "--out", dir.toString());
      List<RateStep> steps = Sweep.run("it", runner,
          List.of(new LoadRequest("member_search", "/v1/members/search?q=chef")), options,
          com.expat.search.bench.report.RunStamp.capture("test"), System.err);
      assertThat(steps).hasSize(2);
      assertThat(steps.get(1).scheduled()).isEqualTo(80);
      assertThat(steps.get(1).completed()).isEqualTo(80);
      assertThat(steps.get(1).latencies().latency().keySet()).extracting(SeriesKey::tier)
          .containsExactlyInAnyOrder("l1", "l2", "uncached");
      assertThat(dir.resolve("report.md")).content().contains("| member_search | l1 |", "commit");
      assertThat(Files.size(dir.resolve("latency-vs-rate.png"))).isGreaterThan(1000);
      assertThat(dir.resolve("latency-by-tier-80.png")).exists();
      assertThat(dir.resolve("latency-80.hgrm")).exists();
    } finally {
      executor.shutdownNow();
      server.stop(0);
      ((ExecutorService) server.getExecutor()).shutdownNow();
    }
  }
}
