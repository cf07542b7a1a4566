package com.expat.search.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.common.solr.IndexNames;
import com.expat.search.query.QueryServiceConfig;
import com.expat.search.testing.memcached.MemcachedServer;
import com.expat.search.testing.solr.SolrCores;
import com.expat.search.testing.solr.SolrExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A Memcached ring of two real memcached processes ({@code MEMCACHED_SERVERS="a b"}, consistent
 * hashing) shared by two query services: one server is {@code kill -9}ed while both serve; every
 * answer stays what a query service without caches answers, and the shared tier's hit rate (an
 * answer computed by one service, found by the other) comes back once the survivor holds the lost
 * server's keys.
 */
@ExtendWith(SolrExtension.class)
class MemcachedRingIT {
  private static final String SEARCH = "/v1/members/search";
  /** Round keys: each asked in one round only, so that no L1 holds it before. */
  private static final List<String> TERMS = List.of("hiking", "chess", "filler", "berlin", "paris");
  /** Load keys: asked over and over by the load, never by a round. */
  private static final List<String> LOAD_TERMS = List.of("anna", "pierre", "gina", "bob", "franz");
  private static final int KEYS_PER_ROUND = 25;

  private static MemcachedServer a;
  private static MemcachedServer b;
  private static Api first;
  private static Api second;
  /** What an uncached query service answers, key by key: the right answers. */
  private static final Map<String, List<Long>> RIGHT = new LinkedHashMap<>();
  private static final List<String> LOAD_KEYS = new ArrayList<>();
  private static int nextRoundKey;

  @BeforeAll
  static void start(SolrCores solr) throws Exception {
    World.index(solr);
    a = MemcachedServer.onFreePort(16);
    b = MemcachedServer.onFreePort(16);
    a.start();
    b.start();
    IndexNames names = new IndexNames(solr.members(), solr.events(), solr.catalog());
    QueryServiceConfig ring = Api.config(solr.baseUrl(), names, Duration.ofMinutes(5))
        .withCaches(QueryServiceConfig.Caches.defaults().withMemcached(a.address() + " " + b.address())
            .withBreaker(3, Duration.ofSeconds(1)));
    first = Api.start(ring);
    second = Api.start(ring);
    try (Api uncached = Api.start(Api.config(solr.baseUrl(), names, Duration.ZERO))) {
      for (int size = 1; size <= 50; size++) {
        for (String term : TERMS) {
          RIGHT.put(key(term, size), get(uncached, key(term, size)).ids());
        }
      }
      for (int size = 1; size <= 10; size++) {
        for (String term : LOAD_TERMS) {
          LOAD_KEYS.add(key(term, size));
          RIGHT.put(key(term, size), get(uncached, key(term, size)).ids());
        }
      }
    }
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable closeable : new AutoCloseable[] {first, second, a, b}) {
      try {
        if (closeable != null) {
          closeable.close();
        }
      } catch (Exception e) {
        // keep closing the rest
      }
    }
  }

  @Test
  void oneServerKilledUnderLoadEveryAnswerStaysRightAndTheSharedHitRateRecovers() throws Exception {
    double before = round();
    assertThat(a.items()).as("keys on server a").isPositive();
    assertThat(b.items()).as("keys on server b").isPositive();
    assertThat(before).as("shared hit rate with both servers").isGreaterThanOrEqualTo(0.9);

    AtomicBoolean running = new AtomicBoolean(true);
    List<String> wrong = new CopyOnWriteArrayList<>();
    AtomicLong answered = new AtomicLong();
    List<Thread> load = new ArrayList<>();
    for (Api api : List.of(first, second)) {
      Thread thread = new Thread(() -> {
        for (int i = 0; running.get(); i = (i + 7) % LOAD_KEYS.size()) {
          String key = LOAD_KEYS.get(i);
          Api.Response response = get(api, key);
          if (response.status() != 200 || !response.ids().equals(RIGHT.get(key))) {
            wrong.add(key + ": " + response.status() + " " + response.ids());
          }
          answered.incrementAndGet();
        }
      });
      thread.start();
      load.add(thread);
    }
    double justAfter;
    double recovered;
    long recoveredAfterMs;
    try {
      Thread.sleep(300);
      b.stop(); // SIGKILL
      long killedAt = System.nanoTime();
      justAfter = round();
      recovered = justAfter;
      while (recovered < 0.9 && System.nanoTime() - killedAt < Duration.ofSeconds(30).toNanos()) {
        Thread.sleep(200);
        recovered = round();
      }
      recoveredAfterMs = (System.nanoTime() - killedAt) / 1_000_000;
    } finally {
      running.set(false);
      for (Thread thread : load) {
        thread.join();
      }
    }
    System.out.printf("memcached ring: shared hit rate %.2f with both servers, %.2f in the round after the kill,"
        + " %.2f %d ms after it; %d answers under load, %d wrong%n",
        before, justAfter, recovered, recoveredAfterMs, answered.get(), wrong.size());
    assertThat(wrong).as("answers that differ from the uncached service's").isEmpty();
    assertThat(answered.get()).isPositive();
    assertThat(recovered).as("shared hit rate on the surviving server").isGreaterThanOrEqualTo(0.9);
  }

  /**
   * Keys not asked before: the first service computes and shares each answer, the second asks
   * for it; the share of the second's answers that came from memcached. Every answer is checked.
   */
  private static double round() {
    List<String> keys = new ArrayList<>(RIGHT.keySet()).subList(nextRoundKey, nextRoundKey + KEYS_PER_ROUND);
    nextRoundKey += KEYS_PER_ROUND;
    int shared = 0;
    for (String key : keys) {
      assertThat(get(first, key).ids()).as(key).isEqualTo(RIGHT.get(key));
    }
    for (String key : keys) {
      Api.Response response = get(second, key);
      assertThat(response.ids()).as(key).isEqualTo(RIGHT.get(key));
      if ("l2".equals(response.header("X-Cache-Tier"))) {
        shared++;
      }
    }
    return shared / (double) keys.size();
  }

  private static String key(String term, int size) {
    return term + "|" + size;
  }

  private static Api.Response get(Api api, String key) {
    String[] parts = key.split("\\|");
    return api.get(SEARCH, "q", parts[0], "size", parts[1]);
  }
}
