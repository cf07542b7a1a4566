package com.expat.search.query.health;

import com.expat.search.query.http.Json;
import com.expat.search.query.http.Routes;
import com.expat.search.query.solr.SolrIndex;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * {@code GET /health/live}: the process answers. {@code GET /health/ready}: every core the
 * service needs answers a trivial search within {@code deadline}, and every named condition holds
 * (e.g. the catalog has been read); else 503 with Retry-After.
 */
public final class HealthApi implements Routes {
  private final Json json;
  private final SolrIndex index;
  private final List<String> cores;
  private final Duration deadline;
  private final Executor executor;
  private final Map<String, BooleanSupplier> conditions;

  /**
   * @param conditions what else must hold, by the name the answer shows it under; each is asked
   *     without waiting
   */
  public HealthApi(Json json, SolrIndex index, List<String> cores, Duration deadline, Executor executor,
      Map<String, BooleanSupplier> conditions) {
    this.json = json;
    this.index = index;
    this.cores = List.copyOf(cores);
    this.deadline = deadline;
    this.executor = executor;
    this.conditions = new LinkedHashMap<>(conditions);
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.get("/health/live", ctx -> json.write(ctx, 200, Map.of("status", "up")));
    routes.get("/health/ready", this::ready);
  }

  private void ready(Context ctx) {
    Map<String, CompletableFuture<Void>> pings = new LinkedHashMap<>();
    for (String core : cores) {
      pings.put(core, CompletableFuture.runAsync(() -> index.ping(core), executor));
    }
    long until = System.nanoTime() + deadline.toNanos();
    Map<String, String> checks = new LinkedHashMap<>();
    boolean up = true;
    for (Map.Entry<String, CompletableFuture<Void>> ping : pings.entrySet()) {
      String state;
      try {
        ping.getValue().get(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
        state = "up";
      } catch (TimeoutException e) {
        state = "timeout";
      } catch (ExecutionException e) {
        state = "down";
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        state = "down";
      }
      up &= state.equals("up");
      checks.put(ping.getKey(), state);
    }
    Map<String, String> held = new LinkedHashMap<>();
    for (Map.Entry<String, BooleanSupplier> condition : conditions.entrySet()) {
      boolean holds = condition.getValue().getAsBoolean();
      up &= holds;
      held.put(condition.getKey(), holds ? "yes" : "not yet");
    }
    if (!up) {
      ctx.header("Retry-After", "1");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", up ? "up" : "down");
    body.put("cores", checks);
    if (!held.isEmpty()) {
      body.put("conditions", held);
    }
    json.write(ctx, up ? 200 : 503, body);
  }
}
