package com.expat.search.query.cache;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.function.BiFunction;
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

  /**
   * The two tiers of an endpoint: in process ({@code maxEntries}) in front of {@code shared}
   * ({@link SharedCache#NONE}: in process only), every entry living {@code ttl} from the start of
   * its computation and served only while {@code freshness} says that nothing it {@code
   * dependsOn} changed since. A zero {@code ttl} caches nothing.
   *
   * @param endpoint short name of the endpoint: shared-cache key prefix and metrics tag
   * @param mapper writes and reads the answers in the shared tier (JSON)
   */
  public static <K, V> ResponseCache<K, V> tiered(
      String endpoint,
      Duration ttl,
      long maxEntries,
      SharedCache shared,
      ObjectMapper mapper,
      Class<V> type,
      BiFunction<? super K, ? super V, Dependencies> dependsOn,
      Freshness freshness,
      MeterRegistry registry) {
    if (ttl.isNegative()) {
      throw new IllegalArgumentException("ttl must not be negative, was " + ttl);
    }
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be positive, was " + maxEntries);
    }
    if (ttl.isZero()) {
      return none();
    }
    return new TieredResponseCache<>(endpoint, ttl, maxEntries, shared, new EntryCodec<>(mapper, type),
        dependsOn, freshness, new CacheMetrics(registry, endpoint));
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
