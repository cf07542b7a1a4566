package com.expat.search.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServiceRankerTest {
  /** The fake service's full ranking: ids 1..95, best first; pages of {@code size}. */
  private static final List<Integer> SERVICE_ORDER = IntStream.rangeClosed(1, 95).boxed().toList();

  private HttpServer server;
  private final List<String> paths = new ArrayList<>();
  /** How many requests the fake answers 503 (Retry-After: 0) before it answers. */
  private final java.util.concurrent.atomic.AtomicInteger unavailable = new java.util.concurrent.atomic.AtomicInteger();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      String query = exchange.getRequestURI().getQuery();
      synchronized (paths) {
        paths.add(exchange.getRequestURI().getPath() + "?" + query);
      }
      Map<String, String> params = java.util.Arrays.stream(query.split("&")).map(p -> p.split("=", 2))
          .collect(Collectors.toMap(p -> p[0], p -> p[1]));
      if (unavailable.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        byte[] problem = "{\"status\":503}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Retry-After", "0");
        exchange.sendResponseHeaders(503, problem.length);
        exchange.getResponseBody().write(problem);
        exchange.close();
        return;
      }
      int size = Integer.parseInt(params.get("size"));
      int page = Integer.parseInt(params.getOrDefault("page", "1"));
      String items = SERVICE_ORDER.stream().skip((long) (page - 1) * size).limit(size)
          .map(id -> "{\"id\":" + id + "}").collect(Collectors.joining(","));
      byte[] body = ("{\"items\":[" + items + "]}").getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private ServiceRanker ranker(int pageSize) {
    return new ServiceRanker("profile:default", java.net.URI.create("http://127.0.0.1:" + server.getAddress().getPort()), Map.of("profile", "default"), pageSize, 50);
  }

  private static LabQuery pooled(List<String> pool) {
    return new LabQuery("matches-7", QueryType.MATCHES, 7L, Map.of("radius_km", "100.0"), List.of(), pool, Map.of());
  }

  @Test
  void pooledQuery_keepsTheServicesOrderOfPoolMembersOnly_acrossPages() {
    ServiceRanker ranker = ranker(20);
    List<String> ranking = ranker.rank(pooled(List.of("90", "3", "41", "22", "60", "999")), 4);

    assertThat(ranking).containsExactly("3", "22", "41", "60");
    assertThat(paths).containsExactly(
        "/v1/members/7/matches?profile=default&radius_km=100.0&size=20",
        "/v1/members/7/matches?page=2&profile=default&radius_km=100.0&size=20",
        "/v1/members/7/matches?page=3&profile=default&radius_km=100.0&size=20");
    assertThat(ranker.shortQueries()).isZero();
  }

  @Test
  void pooledQuery_stopsAtTheShortLastPage_andCountsPoolMembersTheServiceNeverReturned() {
    ServiceRanker ranker = ranker(20);
    List<String> ranking = ranker.rank(pooled(List.of("90", "999", "1000")), 10);

    assertThat(ranking).containsExactly("90");
    assertThat(paths).hasSize(5);
    assertThat(ranker.shortQueries()).isEqualTo(1);
  }

  @Test
  void queryWithoutPool_takesOnePageOfK() {
    ServiceRanker ranker = ranker(20);
    LabQuery search = new LabQuery("q1", QueryType.MEMBER_SEARCH, null, Map.of("q", "chef"), List.of(), List.of(), Map.of());

    assertThat(ranker.rank(search, 3)).containsExactly("1", "2", "3");
    assertThat(paths).containsExactly("/v1/members/search?profile=default&q=chef&size=3");
  }

  @Test
  void extraParameterWithCommas_goesOutAsOneParameter_whileTheQuerysListsAreSplit() {
    ServiceRanker ranker = new ServiceRanker("custom", java.net.URI.create("http://127.0.0.1:1"),
        Map.of("weights", "text:1,distance:2"), 20, 50);
    LabQuery search = new LabQuery("q1", QueryType.MEMBER_SEARCH, null, Map.of("lang", "es,fr"), List.of(), List.of(), Map.of());

    assertThat(ranker.path(search, 10)).isEqualTo("/v1/members/search?lang=es&lang=fr&size=10&weights=text%3A1%2Cdistance%3A2");
  }

  @Test
  void anIndexBrieflyUnavailable_isAskedAgainAfterItsRetryAfter() {
    unavailable.set(ServiceRanker.ATTEMPTS - 1);
    ServiceRanker ranker = ranker(20);
    LabQuery search = new LabQuery("q1", QueryType.MEMBER_SEARCH, null, Map.of("q", "chef"), List.of(), List.of(), Map.of());

    assertThat(ranker.rank(search, 3)).containsExactly("1", "2", "3");
    assertThat(paths).hasSize(ServiceRanker.ATTEMPTS);
    assertThat(ranker.requests()).isEqualTo(ServiceRanker.ATTEMPTS);
  }

  @Test
  void anIndexUnavailableForEveryAttempt_failsTheEvaluationNamingTheLastAttempt() {
    unavailable.set(ServiceRanker.ATTEMPTS);
    ServiceRanker ranker = ranker(20);
    LabQuery search = new LabQuery("q1", QueryType.MEMBER_SEARCH, null, Map.of("q", "chef"), List.of(), List.of(), Map.of());

    assertThatThrownBy(() -> ranker.rank(search, 3)).isInstanceOf(RankerException.class)
        .hasMessageContaining("answered 503 (attempt " + ServiceRanker.ATTEMPTS + ")");
    assertThat(paths).hasSize(ServiceRanker.ATTEMPTS);
  }
}
