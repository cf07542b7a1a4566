package com.expat.search.query.metrics;

import com.expat.search.query.http.Routes;
import io.javalin.config.RoutesConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** {@code GET /metrics}: everything in the registry, in the Prometheus text format. */
public final class MetricsApi implements Routes {
  public static final String PATH = "/metrics";
  private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry;

  public MetricsApi(PrometheusMeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.get(PATH, ctx -> ctx.contentType(CONTENT_TYPE).result(registry.scrape()));
  }
}
