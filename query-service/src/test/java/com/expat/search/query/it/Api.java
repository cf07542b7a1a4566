package com.expat.search.query.it;

import com.expat.search.common.solr.IndexNames;
import com.expat.search.common.solr.SolrSettings;
import com.expat.search.query.QueryService;
import com.expat.search.query.QueryServiceConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The query service started in-process on a free port, called over HTTP like any client. */
final class Api implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final QueryService service;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Api(QueryService service) {
    this.service = service;
  }

  static Api start(String solrUrl, IndexNames cores, Duration ttl) {
    return new Api(QueryService.start(new QueryServiceConfig(
        0, SolrSettings.at(URI.create(solrUrl)), cores, ttl, ttl, 1_000, Duration.ofMinutes(10))));
  }

  static Api start(QueryServiceConfig config) {
    return new Api(QueryService.start(config));
  }

  static QueryServiceConfig config(String solrUrl, IndexNames cores, Duration ttl) {
    return new QueryServiceConfig(0, SolrSettings.at(URI.create(solrUrl)), cores, ttl, ttl, 1_000, Duration.ofMinutes(10));
  }

  QueryService service() {
    return service;
  }

  Response get(String path, String... params) {
    return getWithHeaders(path, Map.of(), params);
  }

  Response getRaw(String pathAndQuery) {
    return send(pathAndQuery, Map.of());
  }

  Response getWithHeaders(String path, Map<String, String> headers, String... params) {
    List<String> pairs = new ArrayList<>();
    for (int i = 0; i < params.length; i += 2) {
      pairs.add(URLEncoder.encode(params[i], StandardCharsets.UTF_8) + "="
          + URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8));
    }
    return send(path + (pairs.isEmpty() ? "" : "?" + String.join("&", pairs)), headers);
  }

  private Response send(String pathAndQuery, Map<String, String> headers) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + pathAndQuery))
        .timeout(Duration.ofSeconds(30))
        .GET();
    headers.forEach(builder::header);
    HttpRequest request = builder.build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      JsonNode body = response.body().isEmpty() ? JSON.nullNode() : parse(response.body());
      return new Response(response.statusCode(), response.headers(), body, response.body());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return JSON.getNodeFactory().textNode(body);
    }
  }

  @Override
  public void close() {
    service.close();
  }

  record Response(int status, java.net.http.HttpHeaders headers, JsonNode body, String text) {
    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    List<Long> ids() {
      List<Long> ids = new ArrayList<>();
      body.path("items").forEach(item -> ids.add(item.path("id").asLong()));
      return ids;
    }

    long total() {
      return body.path("total").asLong(-1);
    }
  }
}
