package com.expat.search.query.http;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.regex.Pattern;

/** The {@code X-Request-Id} of each request: the caller's when it is sane, else a new one. */
final class RequestIds {
  static final String HEADER = "X-Request-Id";
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,128}");

  private RequestIds() {}

  static void assign(Context ctx) {
    String given = ctx.header(HEADER);
    String id = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
    ctx.attribute(HEADER, id);
    ctx.header(HEADER, id);
  }

  static String of(Context ctx) {
    String id = ctx.attribute(HEADER);
    return id == null ? "-" : id;
  }
}
