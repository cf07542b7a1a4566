package com.expat.search.query.http;

import io.javalin.http.Context;

/** The {@code X-Cache} header: {@code miss} unless a handler served the answer from a cache. */
public final class CacheHeader {
  public static final String NAME = "X-Cache";

  private CacheHeader() {}

  public static void set(Context ctx, boolean hit) {
    ctx.header(NAME, hit ? "hit" : "miss");
  }
}
