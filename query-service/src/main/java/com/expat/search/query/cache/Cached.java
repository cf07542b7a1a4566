package com.expat.search.query.cache;

/**
 * A value from a {@link ResponseCache} and whether it was served from the cache ({@code hit}) or
 * computed for this call.
 */
public record Cached<V>(V value, boolean hit) {}
