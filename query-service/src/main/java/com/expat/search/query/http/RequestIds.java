package com.expat.search.query.http;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** The {@code X-Request-Id} of each request: the caller's when it is sane, else a new one. */
final class RequestIds {
  static final String HEADER = "X-Request-Id";
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,128}");

  private RequestIds() {}

  static void assign(Context ctx) {
    String given = ctx.header(HEADER);
    String id = given != null && SANE.matcher(given).matches() ? given : newId();
    ctx.attribute(HEADER, id);
    ctx.header(HEADER, id);
  }

  /**
   * A random (version 4) UUID from the thread's own generator: an id names a request in logs and is
   * no secret, and {@code UUID.randomUUID()} drew each from the shared {@code SecureRandom} (~1 % of
   * the service's CPU samples per request, JFR).
   */
  static String newId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = random.nextLong() & ~0xF000L | 0x4000L;
    long low = random.nextLong() & ~(0xCL << 60) | 0x8L << 60;
    return new UUID(high, low).toString();
  }

  static String of(Context ctx) {
    String id = ctx.attribute(HEADER);
    return id == null ? "-" : id;
  }
}
