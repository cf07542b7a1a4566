package com.expat.search.query.http;

import io.javalin.http.Context;

/** The {@code X-Cache} header: {@code miss} unless a handler served the answer from a cache. */
public final class CacheHeader {
  public static final String NAME = "X-Cache";

  private CacheHeader() {}

  /** Names the tier that served a hit: {@code l1} (in process) or {@code l2} (Memcached). */
  public static final String TIER = "X-Cache-Tier";

  public static void set(Context ctx, boolean hit) {
    ctx.header(NAME, hit ? "hit" : "miss");
  }

  public static void set(Context ctx, com.expat.search.query.cache.Cached<?> answer) {
    set(ctx, answer.hit());
    if (answer.hit() && answer.tier() != null) {
      ctx.header(TIER, answer.tier());
    }
  }
}
