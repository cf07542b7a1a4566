package com.expat.search.bench.lab;

import com.expat.search.bench.load.Loopback;
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
import java.util.TreeMap;

/**
 * The query service as a ranker: each query becomes its API request ({@code member_search}:
 * {@code /v1/members/search} with the query's params and {@code viewer=member_id};
 * {@code matches}, {@code member_events}: {@code /v1/members/{id}/...}) with {@code size=k}, and
 * the answer's {@code items[].id} are the ranking. {@code extraParams} go on every request: e.g.
 * {@code sort=relevance} for the plain text-relevance baseline, or a ranking profile parameter
 * once the service takes one. Loopback only. Thread-safe.
 */
public final class ServiceRanker implements Ranker {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final String name;
  private final URI base;
  private final Map<String, String> extraParams;
  private final HttpClient client;

  public ServiceRanker(String name, String baseUrl, Map<String, String> extraParams) {
    this.name = name;
    this.base = Loopback.require(baseUrl);
    this.extraParams = new TreeMap<>(extraParams);
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
  }

  @Override
  public String name() {
    return name;
  }

  /** The API path and query for {@code query}. */
  public String path(LabQuery query, int k) {
    Map<String, String> params = new TreeMap<>(query.params());
    params.putAll(extraParams);
    params.put("size", String.valueOf(Math.min(100, k)));
    String path = switch (query.type()) {
      case MEMBER_SEARCH -> {
        if (query.memberId() != null) {
          params.put("viewer", String.valueOf(query.memberId()));
        }
        yield "/v1/members/search";
      }
      case MATCHES -> "/v1/members/" + query.memberId() + "/matches";
      case MEMBER_EVENTS -> "/v1/members/" + query.memberId() + "/events";
    };
    StringBuilder text = new StringBuilder(path);
    char separator = '?';
    for (Map.Entry<String, String> param : params.entrySet()) {
      for (String value : param.getValue().split(",")) {
        text.append(separator).append(URLEncoder.encode(param.getKey(), StandardCharsets.UTF_8)).append('=')
            .append(URLEncoder.encode(value.strip(), StandardCharsets.UTF_8));
        separator = '&';
      }
    }
    return text.toString();
  }

  @Override
  public List<String> rank(LabQuery query, int k) {
    String path = path(query, k);
    try {
      HttpResponse<String> response = client.send(
          HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new RankerException(name + ": " + path + " answered " + response.statusCode() + ": " + response.body());
      }
      List<String> ids = new ArrayList<>();
      for (JsonNode item : MAPPER.readTree(response.body()).path("items")) {
        ids.add(item.path("id").asText());
      }
      return ids;
    } catch (IOException e) {
      throw new RankerException(name + ": " + path + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RankerException(name + ": interrupted", e);
    }
  }
}
