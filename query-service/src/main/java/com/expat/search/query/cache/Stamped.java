package com.expat.search.query.cache;

/** A cached answer with the time (epoch ms) its computation started. */
record Stamped<V>(V value, long computedAt) {}
