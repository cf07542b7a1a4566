package com.expat.search.bench.cost;

import com.expat.search.bench.load.Loopback;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The CPU time a process has used so far. Differences of two readings are what a run cost that
 * process, whatever else ran on the machine. Read from Linux's {@code /proc} when the process runs
 * here ({@link ProcCpu}: nothing is asked of it), or from what it publishes about itself: Solr's
 * {@code /admin/metrics} (the JVM's {@code os.processCpuTime}, ns) and the query service's
 * Prometheus {@code /metrics} (Micrometer's process CPU time), which cost the process a request
 * each. The query service also publishes the time its JIT has spent compiling (Micrometer's {@code
 * jvm_compilation_time_ms_total}), read in the same scrape: a service still compiling is not yet
 * at its steady cost.
 */
@FunctionalInterface
public interface ProcessCpu {
  /** What the process has used since it started, as of one reading. */
  Reading read();

  /** CPU time used by the process since it started. */
  default Duration used() {
    return read().cpu();
  }

  /**
   * One reading: CPU time, and what the JIT's compilers spent: their threads' CPU when read from
   * {@code /proc}, else the time the JVM reports (elapsed, summed over the compiler threads; empty
   * when the process does not publish it).
   */
  record Reading(Duration cpu, Optional<Duration> compiling) {
    public Reading {
      Objects.requireNonNull(cpu, "cpu");
      Objects.requireNonNull(compiling, "compiling");
    }

    /** What was used between {@code earlier} and this reading. */
    public Reading since(Reading earlier) {
      Optional<Duration> compiled = compiling.isPresent() && earlier.compiling.isPresent()
          ? Optional.of(compiling.get().minus(earlier.compiling.get()))
          : Optional.empty();
      return new Reading(cpu.minus(earlier.cpu), compiled);
    }
  }

  /** Solr at {@code solrUrl} ({@code http://host:port/solr}). */
  static ProcessCpu solr(HttpClient client, String solrUrl) {
    URI uri = URI.create(Loopback.require(solrUrl) + "/admin/metrics?group=jvm&prefix=os.processCpuTime&wt=json");
    return () -> new Reading(Duration.ofNanos(solrNanos(get(client, uri))), Optional.empty());
  }

  /** The query service at {@code serviceUrl}. */
  static ProcessCpu service(HttpClient client, String serviceUrl) {
    URI uri = URI.create(Loopback.require(serviceUrl) + "/metrics");
    return () -> {
      String text = get(client, uri);
      return new Reading(prometheus(text), compilation(text));
    };
  }

  /** {@code os.processCpuTime} from Solr's metrics answer (JSON). */
  static long solrNanos(String json) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(json);
    } catch (IOException e) {
      throw new IllegalStateException("Solr's metrics answer is not JSON: " + abbreviate(json), e);
    }
    JsonNode value = root.path("metrics").path("solr.jvm").path("os.processCpuTime");
    if (!value.isNumber()) {
      throw new IllegalStateException("Solr's metrics answer has no solr.jvm os.processCpuTime: " + abbreviate(json));
    }
    return value.asLong();
  }

  /**
   * The process CPU time in a Prometheus text exposition: {@code process_cpu_seconds_total}
   * (the Prometheus client's name), or Micrometer's {@code process_cpu_time_ns_total} /
   * {@code process_cpu_time_seconds_total}.
   */
  static Duration prometheus(String text) {
    for (String line : text.split("\n")) {
      if (line.startsWith("#")) {
        continue;
      }
      String[] parts = line.strip().split("\\s+");
      if (parts.length < 2) {
        continue;
      }
      String name = parts[0].contains("{") ? parts[0].substring(0, parts[0].indexOf('{')) : parts[0];
      double value;
      switch (name) {
        case "process_cpu_seconds_total", "process_cpu_time_seconds_total" -> value = Double.parseDouble(parts[1]) * 1e9;
        case "process_cpu_time_ns_total" -> value = Double.parseDouble(parts[1]);
        default -> {
          continue;
        }
      }
      return Duration.ofNanos(Math.round(value));
    }
    throw new IllegalStateException("the service's /metrics has no process CPU time"
        + " (process_cpu_seconds_total, process_cpu_time_ns_total or process_cpu_time_seconds_total)");
  }

  /**
   * The JIT's compilation time in a Prometheus text exposition: Micrometer's {@code
   * jvm_compilation_time_ms_total}, summed over its labels; empty when absent (a service built before
   * it was published).
   */
  static Optional<Duration> compilation(String text) {
    double millis = 0;
    boolean found = false;
    for (String line : text.split("\n")) {
      if (line.startsWith("jvm_compilation_time_ms_total")) {
        String[] parts = line.strip().split("\\s+");
        millis += Double.parseDouble(parts[parts.length - 1]);
        found = true;
      }
    }
    return found ? Optional.of(Duration.ofNanos(Math.round(millis * 1e6))) : Optional.empty();
  }

  private static String get(HttpClient client, URI uri) {
    try {
      HttpResponse<String> response = client.send(
          HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(uri + " answered " + response.statusCode());
      }
      return response.body();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + uri + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted reading " + uri, e);
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }
}
