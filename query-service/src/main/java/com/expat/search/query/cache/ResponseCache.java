package com.expat.search.query.cache;

import java.util.function.Function;

/**
 * A cache of answers keyed by the normalized request. Implementations are thread-safe and
 * compute a missing entry once: concurrent callers with an equal key wait for that computation
 * instead of starting their own. A loader that throws caches nothing and the exception reaches
 * every waiting caller.
 *
 * <p>This is the tier boundary: the in-process tier is {@link ResponseCaches#inProcess}; a
 * shared tier (Memcached) can be layered behind it with the same interface.
 *
 * @param <K> the normalized request, a record with value equality
 * @param <V> the answer, immutable
 */
public interface ResponseCache<K, V> {

  /** The cached answer for {@code key}, or the one {@code loader} computes (then cached). */
  Cached<V> get(K key, Function<? super K, ? extends V> loader);

  /** Drops every entry, e.g. after a full reindex. */
  void invalidateAll();
}
