package com.expat.search.query.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.function.Function;

/** The in-process tier: Caffeine, expiring a fixed time after write, bounded in entries. */
final class CaffeineResponseCache<K, V> implements ResponseCache<K, V> {
  private final Cache<K, V> cache;

  CaffeineResponseCache(Duration ttl, long maxEntries, Ticker ticker) {
    this.cache =
        Caffeine.newBuilder()
            .expireAfterWrite(ttl)
            .maximumSize(maxEntries)
            .ticker(ticker)
            .build();
  }

  @Override
  public Cached<V> get(K key, Function<? super K, ? extends V> loader) {
    boolean[] computed = {false};
    V value =
        cache.get(
            key,
            k -> {
              computed[0] = true;
              return loader.apply(k);
            });
    return new Cached<>(value, !computed[0]);
  }

  @Override
  public void invalidateAll() {
    cache.invalidateAll();
  }
}
