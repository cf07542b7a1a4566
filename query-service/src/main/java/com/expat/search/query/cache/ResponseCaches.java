package com.expat.search.query.cache;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.function.Function;

/** Builds {@link ResponseCache}s. */
public final class ResponseCaches {
  private ResponseCaches() {}

  /**
   * An in-process cache whose entries live {@code ttl} after they are computed, at most {@code
   * maxEntries} of them. A zero {@code ttl} caches nothing.
   *
   * @param ticker the time source; {@link Ticker#systemTicker()} outside tests
   */
  public static <K, V> ResponseCache<K, V> inProcess(Duration ttl, long maxEntries, Ticker ticker) {
    if (ttl.isNegative()) {
      throw new IllegalArgumentException("ttl must not be negative, was " + ttl);
    }
    if (maxEntries < 0) {
      throw new IllegalArgumentException("maxEntries must not be negative, was " + maxEntries);
    }
    if (ttl.isZero() || maxEntries == 0) {
      return none();
    }
    return new CaffeineResponseCache<>(ttl, maxEntries, ticker);
  }

  /** Caches nothing: every call computes (and reports a miss). */
  public static <K, V> ResponseCache<K, V> none() {
    return new ResponseCache<>() {
      @Override
      public Cached<V> get(K key, Function<? super K, ? extends V> loader) {
        return new Cached<>(loader.apply(key), false);
      }

      @Override
      public void invalidateAll() {}
    };
  }
}
