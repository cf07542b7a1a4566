package com.expat.search.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.common.solr.IndexNames;
import com.expat.search.indexer.mapping.MemberDocuments;
import com.expat.search.indexer.world.Member;
import com.expat.search.indexer.world.MemberProfile;
import com.expat.search.indexer.world.SpokenLanguage;
import com.expat.search.query.QueryServiceConfig;
import com.expat.search.testing.memcached.MemcachedExtension;
import com.expat.search.testing.memcached.MemcachedServer;
import com.expat.search.testing.solr.SolrCores;
import com.expat.search.testing.solr.SolrExtension;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two service instances sharing a real memcached, fed by a real RabbitMQ (127.0.0.1:5672,
 * guest/guest) on an exchange of this class's own, over a real Solr.
 */
@ExtendWith({SolrExtension.class, MemcachedExtension.class})
class CachesIT {
  private static final URI AMQP = URI.create("amqp://guest:guest@127.0.0.1:5672/");
  private static final String EXCHANGE = "expat.search.invalidations.test-" + UUID.randomUUID();
  private static final String SEARCH = "/v1/members/search";

  private static SolrCores solr;
  private static Api first;
  private static Api second;

  @BeforeAll
  static void start(SolrCores cores, MemcachedServer memcached) throws Exception {
    solr = cores;
    World.index(solr);
    EventWorld.index(solr);
    QueryServiceConfig config = Api.config(solr.baseUrl(),
            new IndexNames(solr.members(), solr.events(), solr.catalog()), Duration.ofSeconds(60))
        .withCaches(QueryServiceConfig.Caches.defaults().withMemcached(memcached.address())
            .withBreaker(3, Duration.ofSeconds(2)))
        .withInvalidations(new QueryServiceConfig.Invalidations(AMQP, EXCHANGE, Duration.ofSeconds(2)));
    first = Api.start(config);
    second = Api.start(config);
    waitFor(() -> first.service().invalidationFeedUp() && second.service().invalidationFeedUp(), Duration.ofSeconds(15));
  }

  @AfterAll
  static void stop() {
    if (first != null) {
      first.close();
    }
    if (second != null) {
      second.close();
    }
  }

  @Test
  void anAnswerComputedByOneInstanceIsServedByTheOtherFromMemcached() {
    Api.Response computed = first.get(SEARCH, "q", "pierre");
    assertThat(computed.header("X-Cache")).isEqualTo("miss");
    Api.Response shared = second.get(SEARCH, "q", "pierre");
    assertThat(shared.header("X-Cache")).isEqualTo("hit");
    assertThat(shared.header("X-Cache-Tier")).isEqualTo("l2");
    assertThat(shared.body()).isEqualTo(computed.body());
    Api.Response local = second.get(SEARCH, "q", "pierre");
    assertThat(local.header("X-Cache-Tier")).isEqualTo("l1");
    for (Api api : List.of(first, second)) {
      Api.Response events = api.get("/v1/events/search", "q", "chess");
      assertThat(events.ids()).containsExactly(2L);
      assertThat(api.get("/v1/suggest", "q", "pots").body().path("items").get(0).path("label").asText()).isEqualTo("Potsdam");
    }
    assertThat(second.get("/v1/events/search", "q", "chess").header("X-Cache")).isEqualTo("hit");
  }

  @Test
  void aMemberHiddenAfterCachingIsNeverShownOnceTheNoticeArrives() throws Exception {
    // Cached in L1 of both instances and in L2.
    assertThat(first.get(SEARCH, "q", "gina").ids()).containsExactly(10L);
    assertThat(second.get(SEARCH, "q", "gina").ids()).containsExactly(10L);
    assertThat(first.get("/v1/suggest", "q", "gina", "types", "member").body().toString()).contains("Gina Rossi");
    assertThat(second.get("/v1/suggest", "q", "gina", "types", "member").header("X-Cache")).isEqualTo("hit");

    hideGina();
    // The index no longer has her, but the caches still do: only the notice can tell them.
    Api.Response stale = first.get(SEARCH, "q", "gina");
    assertThat(stale.header("X-Cache")).isEqualTo("hit");
    assertThat(stale.ids()).containsExactly(10L);

    double before = notices(first) + notices(second);
    publish("{\"members\":{\"removed\":[],\"changed\":[10]},\"events\":{\"removed\":[],\"changed\":[]},"
        + "\"indexed_at\":\"" + Instant.now() + "\"}");
    waitFor(() -> notices(first) + notices(second) >= before + 2, Duration.ofSeconds(10));

    for (Api api : List.of(first, second)) {
      assertThat(api.get(SEARCH, "q", "gina").ids()).isEmpty();
      assertThat(api.get("/v1/suggest", "q", "gina", "types", "member").body().path("items").size()).isZero();
    }
  }

  @Test
  void memcachedDownStillAnswersRightThenRecovers(MemcachedServer memcached) {
    memcached.stop();
    // Latency stays bounded because the breaker stops calling memcached (asserted below through
    // /metrics); how bounded is a figure for the load benchmark, not a timed assertion.
    for (int i = 0; i < 6; i++) {
      Api.Response response = first.get(SEARCH, "q", "filler", "size", Integer.toString(10 + i));
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.total()).isEqualTo(25);
    }
    String metrics = first.get("/metrics").text();
    assertThat(metrics).containsPattern("expat_memcached_breaker_state(\\{[^}]*\\})? 1\\.0");
    assertThat(metrics).contains("expat_memcached_errors_total");

    memcached.start();
    waitFor(() -> {
      first.get(SEARCH, "q", "filler", "size", Integer.toString(20 + (int) (System.nanoTime() % 50)));
      return first.get("/metrics").text().matches("(?s).*expat_memcached_breaker_state(\\{[^}]*\\})? 0\\.0.*");
    }, Duration.ofSeconds(20));
    // L2 works again: computed by one instance, served by the other.
    waitFor(() -> {
      String q = "bauer " + UUID.randomUUID().toString().substring(0, 4);
      first.get(SEARCH, "q", q);
      return "l2".equals(second.get(SEARCH, "q", q).header("X-Cache-Tier"));
    }, Duration.ofSeconds(10));
  }

  @Test
  void metricsShowPerEndpointLatencyHistogramsAndCacheTiers() {
    first.get("/v1/events/search", "q", "photo");
    first.get("/v1/events/search", "q", "photo");
    first.get("/v1/members/1/events");
    first.get("/v1/events/search", "from", "never");
    String metrics = first.get("/metrics").text();
    assertThat(metrics).contains("http_server_requests_seconds_bucket{", "route=\"/v1/events/search\"",
        "route=\"/v1/members/{id}/events\"", "expat_cache_requests_total{", "tier=\"l2\"", "tier=\"l1\"",
        "expat_solr_requests_seconds_bucket{", "expat_memcached_seconds_bucket{", "expat_http_errors_total{",
        "status=\"400\"", "expat_invalidations_feed_up 1.0", "jvm_memory_used_bytes{", "jvm_threads_live_threads",
        "process_cpu_usage", "jvm_compilation_time_ms_total");
    // the latency histogram tells an in-process hit from a miss (the repeated search is an L1 hit)
    assertThat(metrics).containsPattern("http_server_requests_seconds_count\\{[^}]*cache=\"l1\"[^}]*route=\"/v1/events/search\"");
    assertThat(metrics).containsPattern("http_server_requests_seconds_count\\{[^}]*cache=\"miss\"[^}]*route=\"/v1/events/search\"");
  }

  private static void hideGina() throws Exception {
    Member gina = new Member(10, "Gina Rossi", "Chess player", null, null, World.POTSDAM, "IT",
        Member.Membership.BASIC, false, Member.Status.ACTIVE, true, Instant.now(), Instant.now(), Instant.now(), 2);
    MemberProfile profile = new MemberProfile(gina,
        List.of(new SpokenLanguage("it", SpokenLanguage.Level.NATIVE)), List.of(2), List.of(), List.of());
    solr.client().add(solr.members(), MemberDocuments.document(profile, World.CATALOG));
    solr.client().commit(solr.members());
  }

  private static void publish(String body) throws Exception {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setUri(AMQP);
    factory.setVirtualHost("/");
    try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
      channel.exchangeDeclare(EXCHANGE, "fanout", true);
      channel.basicPublish(EXCHANGE, "", null, body.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static double notices(Api api) {
    Matcher matcher = Pattern.compile("expat_invalidations_notices_total(\\{[^}]*\\})? ([0-9.E]+)")
        .matcher(api.get("/metrics").text());
    return matcher.find() ? Double.parseDouble(matcher.group(2)) : 0;
  }

  private static void waitFor(BooleanSupplier condition, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + limit);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
