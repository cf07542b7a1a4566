package com.expat.search.query.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per request: {@code http_server_requests_seconds} (a histogram with buckets, by method, route
 * template, status and cache result) and {@code expat_http_errors_total{route,status}} for every
 * 4xx and 5xx. Thread-safe.
 */
public final class HttpMetrics {
  private final MeterRegistry registry;
  /** Found once per label set, not built and looked up again on every request. */
  private final Map<Labels, Timer> timers = new ConcurrentHashMap<>();
  private final Map<Labels, Counter> errors = new ConcurrentHashMap<>();

  private record Labels(String method, String route, int status, String cache) {}

  public HttpMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /**
   * @param route the matched path template, e.g. {@code /v1/members/{id}/events}; {@code
   *     unmatched} for none, so that unknown paths cannot blow up the label set
   * @param cache {@code l1} or {@code l2} (a hit from that tier), {@code hit} (a hit of no known
   *     tier) or {@code miss}
   */
  public void record(String method, String route, int status, String cache, Duration elapsed) {
    Labels labels = new Labels(method, route, status, cache);
    timers.computeIfAbsent(labels, this::timer).record(elapsed);
    if (status >= 400) {
      errors.computeIfAbsent(new Labels("", route, status, ""), this::errorCounter).increment();
    }
  }

  private Timer timer(Labels labels) {
    return Timer.builder("http.server.requests")
        .description("Request latency by endpoint")
        .tag("method", labels.method())
        .tag("route", labels.route())
        .tag("status", Integer.toString(labels.status()))
        .tag("cache", labels.cache())
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofNanos(100_000))
        .maximumExpectedValue(Duration.ofSeconds(10))
        .register(registry);
  }

  private Counter errorCounter(Labels labels) {
    return Counter.builder("expat.http.errors").description("Error responses by endpoint and status")
        .tag("route", labels.route()).tag("status", Integer.toString(labels.status())).register(registry);
  }
}
