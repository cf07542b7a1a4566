package com.expat.search.query.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * L1 (Caffeine, in process) in front of L2 (the {@link SharedCache}), both checked against
 * {@link Freshness} before anything is served. A missing entry is computed once per process:
 * Caffeine makes identical concurrent requests wait for the one that reads L2 and, on an L2
 * miss, computes and writes both tiers. An entry lives {@code ttl} from the start of its
 * computation, in either tier.
 */
final class TieredResponseCache<K, V> implements ResponseCache<K, V> {
  private final String endpoint;
  private final Duration ttl;
  private final Cache<K, Stamped<V>> l1;
  private final SharedCache l2;
  private final EntryCodec<V> codec;
  private final BiFunction<? super K, ? super V, Dependencies> dependencies;
  private final Freshness freshness;
  private final CacheMetrics metrics;

  TieredResponseCache(
      String endpoint,
      Duration ttl,
      long maxEntries,
      SharedCache l2,
      EntryCodec<V> codec,
      BiFunction<? super K, ? super V, Dependencies> dependencies,
      Freshness freshness,
      CacheMetrics metrics) {
    this.endpoint = endpoint;
    this.ttl = ttl;
    this.l2 = l2;
    this.codec = codec;
    this.dependencies = dependencies;
    this.freshness = freshness;
    this.metrics = metrics;
    this.l1 = Caffeine.newBuilder()
        .maximumSize(maxEntries)
        // Evictions and expiry are tidied up on the thread that writes, not handed to the common
        // pool: every uncached answer is a write, and each hand-over woke a pool thread.
        .executor(Runnable::run)
        .expireAfter(new Expiry<K, Stamped<V>>() {
          @Override
          public long expireAfterCreate(K key, Stamped<V> value, long currentTime) {
            return Math.max(0, remaining(value).toNanos());
          }

          @Override
          public long expireAfterUpdate(K key, Stamped<V> value, long currentTime, long currentDuration) {
            return expireAfterCreate(key, value, currentTime);
          }

          @Override
          public long expireAfterRead(K key, Stamped<V> value, long currentTime, long currentDuration) {
            return currentDuration;
          }
        })
        .build();
  }

  @Override
  public Cached<V> get(K key, Function<? super K, ? extends V> loader) {
    for (int attempt = 0; ; attempt++) {
      String[] tier = {null};
      boolean[] loaded = {false};
      Stamped<V> entry = l1.get(key, k -> {
        loaded[0] = true;
        return load(k, loader, tier);
      });
      if (loaded[0]) {
        return new Cached<>(entry.value(), tier[0] != null, tier[0]);
      }
      if (fresh(key, entry)) {
        metrics.l1(true);
        return new Cached<>(entry.value(), true, "l1");
      }
      metrics.stale("l1");
      l1.asMap().remove(key, entry);
      if (attempt > 3) {
        // Someone keeps putting stale entries back: answer from the index without the cache.
        return new Cached<>(loader.apply(key), false, null);
      }
    }
  }

  private Stamped<V> load(K key, Function<? super K, ? extends V> loader, String[] tier) {
    metrics.l1(false);
    String sharedKey = null;
    if (l2.enabled()) {
      sharedKey = CacheKeys.of(endpoint, key);
      Stamped<V> shared = l2.get(sharedKey).map(codec::decode).orElse(null);
      if (shared != null && !isOver(remaining(shared)) && fresh(key, shared)) {
        metrics.l2(true);
        tier[0] = "l2";
        return shared;
      }
      if (shared != null) {
        metrics.stale("l2");
      }
      metrics.l2(false);
    }
    long computedAt = freshness.now();
    Stamped<V> computed = new Stamped<>(loader.apply(key), computedAt);
    if (sharedKey != null) {
      Duration left = remaining(computed);
      if (!isOver(left)) {
        l2.set(sharedKey, codec.encode(computed), left);
      }
    }
    return computed;
  }

  private boolean fresh(K key, Stamped<V> entry) {
    return freshness.isFresh(entry.computedAt(), dependencies.apply(key, entry.value()));
  }

  private Duration remaining(Stamped<V> entry) {
    return ttl.minusMillis(freshness.now() - entry.computedAt());
  }

  private static boolean isOver(Duration left) {
    return left.isZero() || left.isNegative();
  }

  @Override
  public void invalidateAll() {
    l1.invalidateAll();
  }
}
