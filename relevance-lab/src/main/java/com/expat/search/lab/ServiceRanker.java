package com.expat.search.lab;

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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The query service as a ranker: each query becomes its API request ({@code member_search}:
 * {@code /v1/members/search} with the query's params and {@code viewer=member_id};
 * {@code matches}, {@code member_events}: {@code /v1/members/{id}/...}) with {@code size=k}, and
 * the answer's {@code items[].id} are the ranking. {@code extraParams} go on every request: e.g.
 * {@code sort=relevance} for the plain text-relevance baseline, or {@code profile=local-first}.
 * The caller decides where it may point (the benchmarks allow loopback only). Thread-safe.
 *
 * <p><b>Same pool as the baselines.</b> When the query has a candidate pool (simulated matches and
 * member events), the service is asked page by page ({@code pageSize} per page, the size a client
 * uses, so the first page is diversified as in production) and its answer is restricted to the
 * pool, in the service's order, until {@code k} pool members are found, a page comes back short
 * (the service has no more), or {@code maxPages} pages were read. Documents outside the pool are
 * skipped rather than counted as unjudged misses, so the service is scored on the order it gives
 * the same documents random and popularity rank. Pool members the service never returns (its own
 * filters dropped them, or they lie beyond {@code maxPages}) are simply missing from its list;
 * {@link #shortQueries()} counts the queries where that cost the service places in the top k.
 * Without a pool (member search) one page of {@code k} is taken as is.
 */
public final class ServiceRanker implements Ranker {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final String name;
  private final URI base;
  private final Map<String, String> extraParams;
  private final HttpClient client;
  private final int pageSize;
  private final int maxPages;
  /** Attempts per page when the service answers 503. */
  static final int ATTEMPTS = 3;

  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger retried = new AtomicInteger();
  private final AtomicInteger shortQueries = new AtomicInteger();

  public ServiceRanker(String name, URI base, Map<String, String> extraParams) {
    this(name, base, extraParams, 20, 50);
  }

  /**
   * @param pageSize page size when restricting to a pool, 1..100 (the API's default is 20)
   * @param maxPages pages read at most per pooled query, 1..50 (the API's limit)
   */
  public ServiceRanker(String name, URI base, Map<String, String> extraParams, int pageSize, int maxPages) {
    if (pageSize < 1 || pageSize > 100) {
      throw new IllegalArgumentException("pageSize = " + pageSize + ", expected 1..100");
    }
    if (maxPages < 1 || maxPages > 50) {
      throw new IllegalArgumentException("maxPages = " + maxPages + ", expected 1..50");
    }
    this.name = name;
    this.base = java.util.Objects.requireNonNull(base, "base");
    this.extraParams = new TreeMap<>(extraParams);
    this.pageSize = pageSize;
    this.maxPages = maxPages;
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
  }

  @Override
  public String name() {
    return name;
  }

  /** HTTP requests sent so far. */
  public int requests() {
    return requests.get();
  }

  /** Requests asked again after a 503, so far (each is also in {@link #requests()}). */
  public int retried() {
    return retried.get();
  }

  /** Pooled queries so far where the service returned fewer than {@code min(k, pool)} pool members. */
  public int shortQueries() {
    return shortQueries.get();
  }

  /** The API path and query for {@code query}: one page of {@code k}. */
  public String path(LabQuery query, int k) {
    return path(query, Math.min(100, k), 1);
  }

  /**
   * The API path and query for page {@code page} (from 1) of {@code size}. The query's own
   * parameters hold repeatable values comma-joined ({@link LabQuery#params()}) and go out one
   * value per parameter; the extra parameters go out as given, so that a value with commas in it
   * ({@code weights=text:1,distance:2}) stays one parameter.
   */
  public String path(LabQuery query, int size, int page) {
    Map<String, List<String>> params = new TreeMap<>();
    query.params().forEach((name, value) -> {
      List<String> values = new ArrayList<>();
      for (String one : value.split(",")) {
        values.add(one.strip());
      }
      params.put(name, values);
    });
    extraParams.forEach((name, value) -> params.put(name, List.of(value)));
    params.put("size", List.of(String.valueOf(size)));
    if (page > 1) {
      params.put("page", List.of(String.valueOf(page)));
    }
    String path = switch (query.type()) {
      case MEMBER_SEARCH -> {
        if (query.memberId() != null) {
          params.put("viewer", List.of(String.valueOf(query.memberId())));
        }
        yield "/v1/members/search";
      }
      case MATCHES -> "/v1/members/" + query.memberId() + "/matches";
      case MEMBER_EVENTS -> "/v1/members/" + query.memberId() + "/events";
    };
    StringBuilder text = new StringBuilder(path);
    char separator = '?';
    for (Map.Entry<String, List<String>> param : params.entrySet()) {
      for (String value : param.getValue()) {
        text.append(separator).append(URLEncoder.encode(param.getKey(), StandardCharsets.UTF_8)).append('=')
            .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        separator = '&';
      }
    }
    return text.toString();
  }

  @Override
  public List<String> rank(LabQuery query, int k) {
    if (query.candidates().isEmpty()) {
      return fetch(path(query, k));
    }
    Set<String> pool = new HashSet<>(query.candidates());
    Set<String> seen = new HashSet<>();
    List<String> ranking = new ArrayList<>();
    for (int page = 1; page <= maxPages && ranking.size() < k; page++) {
      List<String> ids = fetch(path(query, pageSize, page));
      for (String id : ids) {
        if (pool.contains(id) && seen.add(id) && ranking.size() < k) {
          ranking.add(id);
        }
      }
      if (ids.size() < pageSize) {
        break;
      }
    }
    if (ranking.size() < Math.min(k, pool.size())) {
      shortQueries.incrementAndGet();
    }
    return List.copyOf(ranking);
  }

  /**
   * One page's ids. A 503 (the index briefly unavailable, as when a just-started Solr first
   * answers slower than the request's Solr budget) is asked again after its {@code Retry-After},
   * as the contract tells clients to, up to {@value #ATTEMPTS} times in all; any other answer but
   * 200 fails the evaluation at once.
   */
  private List<String> fetch(String path) {
    for (int attempt = 1; ; attempt++) {
      requests.incrementAndGet();
      try {
        HttpResponse<String> response = client.send(
            HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 503 && attempt < ATTEMPTS) {
          retried.incrementAndGet();
          Thread.sleep(retryAfterMillis(response));
          continue;
        }
        if (response.statusCode() != 200) {
          throw new RankerException(name + ": " + path + " answered " + response.statusCode()
              + (attempt > 1 ? " (attempt " + attempt + ")" : "") + ": " + response.body());
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

  /** The 503's {@code Retry-After} in seconds (1 when absent or not a number), at most 5 s. */
  private static long retryAfterMillis(HttpResponse<?> response) {
    long seconds = response.headers().firstValue("Retry-After").map(value -> {
      try {
        return Long.parseLong(value.strip());
      } catch (NumberFormatException e) {
        return 1L;
      }
    }).orElse(1L);
    return Math.min(5, Math.max(0, seconds)) * 1000;
  }
}
