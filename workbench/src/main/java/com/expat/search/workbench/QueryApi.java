package com.expat.search.workbench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The query service as the workbench reads it, over HTTP like any client. A failure (the service
 * is down, or answers a problem) becomes a {@link Ranked} or {@link WhyNot} that carries the
 * reason, so the page shows it instead of failing. Thread-safe.
 */
final class QueryApi {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final URI base;
  private final HttpClient client;

  QueryApi(URI base) {
    this.base = URI.create(base.toString().replaceAll("/+$", ""));
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
  }

  URI base() {
    return base;
  }

  /** One side of {@code view}: its first page with explanations. */
  Ranked rank(View view, Side side) {
    Map<String, List<String>> params = new LinkedHashMap<>(view.apiParams());
    side.apiParams().forEach((name, value) -> params.put(name, List.of(value)));
    String request = view.endpoint().path(view.viewer()) + "?" + query(params);
    Answer answer = get(request);
    if (answer.error() != null) {
      return Ranked.failed(request, answer.error());
    }
    List<Ranked.Item> items = new ArrayList<>();
    for (JsonNode item : answer.body().path("items")) {
      Map<String, Double> explain = new LinkedHashMap<>();
      item.path("explain").fields().forEachRemaining(e -> explain.put(e.getKey(), e.getValue().asDouble()));
      List<String> reasons = new ArrayList<>();
      item.path("reasons").forEach(r -> reasons.add(r.asText()));
      items.add(new Ranked.Item(item.path("id").asText(), title(item), subtitle(item), item.path("score").asDouble(),
          explain, reasons));
    }
    return new Ranked(answer.body().path("total").asLong(), items, null, request);
  }

  /** Why {@code member} is not among {@code viewer}'s matches, from the service's debug endpoint. */
  WhyNot whyNot(long viewer, long member, String radiusKm) {
    String request = "/debug/members/" + viewer + "/matches/why-not/" + member
        + (radiusKm == null || radiusKm.isBlank() ? "" : "?radius_km=" + View.encode(radiusKm.strip()));
    Answer answer = get(request);
    if (answer.status() == 404 && answer.body() != null && answer.body().path("detail").asText().startsWith("No endpoint")) {
      return WhyNot.failed(request, "the query service has no debug endpoints: start it with DEBUG_ENDPOINTS=on");
    }
    if (answer.error() != null) {
      return WhyNot.failed(request, answer.error());
    }
    List<WhyNot.Rule> rules = new ArrayList<>();
    for (JsonNode rule : answer.body().path("rules")) {
      rules.add(new WhyNot.Rule(rule.path("rule").asText(), rule.path("excludes").asBoolean(), rule.path("detail").asText()));
    }
    return new WhyNot(answer.body().path("verdict").asText(), rules, null, request);
  }

  private record Answer(int status, JsonNode body, String error) {}

  private Answer get(String pathAndQuery) {
    try {
      HttpResponse<String> response = client.send(
          HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(20)).build(),
          HttpResponse.BodyHandlers.ofString());
      JsonNode body = parse(response.body());
      if (response.statusCode() != 200) {
        String detail = body == null ? response.body() : body.path("detail").asText(response.body());
        StringBuilder invalid = new StringBuilder();
        if (body != null) {
          body.path("invalid_params").forEach(p -> invalid.append("; ").append(p.path("name").asText()).append(": ")
              .append(p.path("reason").asText()));
        }
        return new Answer(response.statusCode(), body, "the query service answered " + response.statusCode() + ": " + detail + invalid);
      }
      if (body == null) {
        return new Answer(response.statusCode(), null, "the query service answered something other than JSON");
      }
      return new Answer(200, body, null);
    } catch (IOException e) {
      return new Answer(0, null, "cannot reach the query service at " + base + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(0, null, "interrupted");
    }
  }

  private static JsonNode parse(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (IOException e) {
      return null;
    }
  }

  private static String title(JsonNode item) {
    return item.has("display_name") ? item.path("display_name").asText() : item.path("title").asText();
  }

  private static String subtitle(JsonNode item) {
    List<String> parts = new ArrayList<>();
    if (item.has("display_name")) {
      text(item, "headline").ifPresent(parts::add);
    } else {
      text(item, "starts_at").ifPresent(s -> parts.add(s.replace('T', ' ').replaceAll(":00Z$", " UTC")));
    }
    text(item.path("city"), "name").ifPresent(parts::add);
    if (item.path("distance_km").isNumber()) {
      parts.add(String.format(Locale.ROOT, "%.1f km", item.path("distance_km").asDouble()));
    }
    return String.join(" · ", parts);
  }

  private static java.util.Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() && !value.asText().isBlank() ? java.util.Optional.of(value.asText()) : java.util.Optional.empty();
  }

  static String query(Map<String, List<String>> params) {
    StringBuilder out = new StringBuilder();
    params.forEach((name, values) -> values.forEach(value ->
        out.append(out.length() == 0 ? "" : "&").append(View.encode(name)).append('=').append(View.encode(value))));
    return out.toString();
  }
}
