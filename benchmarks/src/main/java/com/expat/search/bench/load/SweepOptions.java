package com.expat.search.bench.load;

import com.expat.search.bench.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import picocli.CommandLine.Option;

/** A rate sweep's shape and bounds, shared by {@code bench load} and {@code bench solr load}. */
public final class SweepOptions {
  @Option(names = "--rates", split = ",", defaultValue = "50,100,200", paramLabel = "R[,R...]",
      description = "requests per second, one step each, in order (default ${DEFAULT-VALUE})")
  List<Double> rates;

  @Option(names = "--duration", defaultValue = "20s", converter = Durations.class,
      description = "measured time per rate, at most 10m (default ${DEFAULT-VALUE})")
  Duration duration;

  @Option(names = "--warmup", defaultValue = "5s", converter = Durations.class,
      description = "unmeasured time before each rate (default ${DEFAULT-VALUE})")
  Duration warmup;

  @Option(names = "--max-in-flight", defaultValue = "256",
      description = "outstanding requests at most; a request due beyond counts as an overflow error (default ${DEFAULT-VALUE})")
  int maxInFlight;

  @Option(names = "--timeout", defaultValue = "5s", converter = Durations.class,
      description = "per-request time limit, and how long a step waits for late answers (default ${DEFAULT-VALUE})")
  Duration timeout;

  @Option(names = "--max-requests", defaultValue = "1000000",
      description = "requests per rate at most, warm-up included (default ${DEFAULT-VALUE})")
  long maxRequests;

  @Option(names = "--out", paramLabel = "DIR",
      description = "where the report, charts and histograms go (default benchmarks/results/<timestamp>)")
  Path out;

  @Option(names = "--snippet", description = "also write docs-snippet.md, a section to paste into docs/benchmarks.md")
  boolean snippet;

  /** Checks the bounds; throws naming the bad value. */
  public void validate() {
    if (rates.isEmpty() || rates.size() > 20) {
      throw new IllegalArgumentException("--rates: give 1..20 rates, got " + rates.size());
    }
    for (double rate : rates) {
      if (!(rate > 0 && rate <= 20_000)) {
        throw new IllegalArgumentException("--rates: " + rate + " is outside 0 < rate <= 20000");
      }
    }
    if (duration.isZero() || duration.isNegative() || duration.compareTo(Duration.ofMinutes(10)) > 0) {
      throw new IllegalArgumentException("--duration " + duration + " must be > 0 and at most 10m");
    }
    if (warmup.isNegative() || warmup.compareTo(Duration.ofMinutes(5)) > 0) {
      throw new IllegalArgumentException("--warmup " + warmup + " must be 0..5m");
    }
    if (maxInFlight < 1 || maxInFlight > 10_000) {
      throw new IllegalArgumentException("--max-in-flight " + maxInFlight + " must be 1..10000");
    }
    if (maxRequests < 1 || maxRequests > 10_000_000) {
      throw new IllegalArgumentException("--max-requests " + maxRequests + " must be 1..10000000");
    }
  }

  public List<Double> rates() {
    return rates;
  }

  public Duration duration() {
    return duration;
  }

  public Duration warmup() {
    return warmup;
  }

  public int maxInFlight() {
    return maxInFlight;
  }

  public Duration timeout() {
    return timeout;
  }

  public long maxRequests() {
    return maxRequests;
  }

  public boolean snippet() {
    return snippet;
  }

  /** {@code --out}, or {@code benchmarks/results/<timestamp>-<name>} under the project root. */
  public Path outDir(String name) {
    if (out != null) {
      return out;
    }
    Path root = Path.of(System.getProperty("expat.root", "."));
    if (root.resolve("benchmarks").toFile().isDirectory()) {
      root = root.resolve("benchmarks");
    }
    return root.resolve("results").resolve(
        LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-" + name);
  }
}
