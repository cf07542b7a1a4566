package com.expat.search.query.cache;

/**
 * A value from a {@link ResponseCache}, whether it was served from a cache ({@code hit}) or
 * computed for this call, and which tier served it ({@code "l1"}, {@code "l2"}; null on a miss).
 */
public record Cached<V>(V value, boolean hit, String tier) {
  public Cached(V value, boolean hit) {
    this(value, hit, hit ? "l1" : null);
  }
}
