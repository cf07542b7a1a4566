package com.expat.search.query.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Per request: {@code http_server_requests_seconds} (a histogram with buckets, by method, route
 * template, status and cache result) and {@code expat_http_errors_total{route,status}} for every
 * 4xx and 5xx. Thread-safe.
 */
public final class HttpMetrics {
  private final MeterRegistry registry;

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
    Timer.builder("http.server.requests")
        .description("Request latency by endpoint")
        .tag("method", method)
        .tag("route", route)
        .tag("status", Integer.toString(status))
        .tag("cache", cache)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofNanos(100_000))
        .maximumExpectedValue(Duration.ofSeconds(10))
        .register(registry)
        .record(elapsed);
    if (status >= 400) {
      Counter.builder("expat.http.errors").description("Error responses by endpoint and status")
          .tag("route", route).tag("status", Integer.toString(status)).register(registry).increment();
    }
  }
}
