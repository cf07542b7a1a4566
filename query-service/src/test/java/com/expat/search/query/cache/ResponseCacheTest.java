package com.expat.search.query.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ResponseCacheTest {
  private final AtomicLong nanos = new AtomicLong();
  private final Ticker ticker = nanos::get;

  @Test
  void secondCallIsAHitUntilTheTtlPasses() {
    ResponseCache<String, String> cache = ResponseCaches.inProcess(Duration.ofSeconds(30), 100, ticker);
    AtomicInteger loads = new AtomicInteger();

    assertThat(cache.get("k", k -> "v" + loads.incrementAndGet())).isEqualTo(new Cached<>("v1", false));
    nanos.addAndGet(Duration.ofSeconds(29).toNanos());
    assertThat(cache.get("k", k -> "v" + loads.incrementAndGet())).isEqualTo(new Cached<>("v1", true));
    nanos.addAndGet(Duration.ofSeconds(2).toNanos());
    assertThat(cache.get("k", k -> "v" + loads.incrementAndGet())).isEqualTo(new Cached<>("v2", false));
  }

  @Test
  void zeroTtlCachesNothing() {
    ResponseCache<String, String> cache = ResponseCaches.inProcess(Duration.ZERO, 100, ticker);
    cache.get("k", k -> "v");
    assertThat(cache.get("k", k -> "w")).isEqualTo(new Cached<>("w", false));
  }

  @Test
  void failedLoadIsNotCached() {
    ResponseCache<String, String> cache = ResponseCaches.inProcess(Duration.ofSeconds(30), 100, ticker);
    assertThatThrownBy(() -> cache.get("k", k -> {
      throw new IllegalStateException("solr down");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(cache.get("k", k -> "v")).isEqualTo(new Cached<>("v", false));
  }

  @Test
  void concurrentIdenticalRequestsComputeOnce() throws Exception {
    ResponseCache<String, String> cache = ResponseCaches.inProcess(Duration.ofSeconds(30), 100, ticker);
    AtomicInteger loads = new AtomicInteger();
    CountDownLatch loading = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Cached<String>>> answers = new ArrayList<>();
      answers.add(pool.submit(() -> cache.get("k", k -> {
        loads.incrementAndGet();
        loading.countDown();
        await(release);
        return "v";
      })));
      assertThat(loading.await(5, TimeUnit.SECONDS)).isTrue();
      for (int i = 0; i < 3; i++) {
        answers.add(pool.submit(() -> cache.get("k", k -> "v" + loads.incrementAndGet())));
      }
      Thread.sleep(50);
      release.countDown();
      for (Future<Cached<String>> answer : answers) {
        assertThat(answer.get(5, TimeUnit.SECONDS).value()).isEqualTo("v");
      }
      assertThat(loads).hasValue(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void sizeIsBounded() {
    ResponseCache<Integer, Integer> cache = ResponseCaches.inProcess(Duration.ofSeconds(30), 10, ticker);
    for (int i = 0; i < 1000; i++) {
      cache.get(i, k -> k);
    }
    int hits = 0;
    for (int i = 0; i < 1000; i++) {
      hits += cache.get(i, k -> k).hit() ? 1 : 0;
    }
    assertThat(hits).isLessThan(100);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
