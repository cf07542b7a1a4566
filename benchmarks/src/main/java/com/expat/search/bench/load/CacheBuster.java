package com.expat.search.bench.load;

import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a request that no cache has seen, without changing what it asks for in any way that
 * matters: its {@code radius_km} becomes a never-used value between 1 m and 1 km below the
 * original (default 100 km for matches and member events). The query service keeps
 * {@code radius_km} verbatim in its cache keys (L1 and L2), so the variant always misses them.
 * Solr's geo filter gets the radius with three decimals, so a variant also misses Solr's
 * query-result and filter caches unless the same base request drew the same metre before (one
 * chance in a thousand per earlier variant): the uncached tier measures nearly the whole path.
 * The price: members or events between r - 1 km and r may drop out of an answer. The service honours no {@code Cache-Control: no-cache}
 * today; a request without a radius it could carry (member search by text or by city alone,
 * event search without {@code near}, suggest) is sent unchanged and classified by its
 * {@code X-Cache} header like every other.
 *
 * <p>Not thread-safe (one random stream); the runner's scheduling thread owns it.
 */
public final class CacheBuster {
  private static final Pattern RADIUS = Pattern.compile("([?&])radius_km=([0-9.]+)");
  private static final double DEFAULT_RADIUS_KM = 100;

  private final RandomGenerator random;

  public CacheBuster(RandomGenerator random) {
    this.random = random;
  }

  /** Whether {@link #bust} can make {@code request} unique. */
  public static boolean canBust(LoadRequest request) {
    return RADIUS.matcher(request.path()).find() || takesDefaultRadius(request);
  }

  private static boolean takesDefaultRadius(LoadRequest request) {
    return request.endpoint().equals("matches") || request.endpoint().equals("member_events");
  }

  /** {@code request} with a fresh radius, or itself when it takes none. */
  public LoadRequest bust(LoadRequest request) {
    // 9 decimals: the service's cache keys never collide; Solr's 3-decimal filter rarely does.
    double shave = 0.001 + random.nextDouble() * 0.999;
    Matcher matcher = RADIUS.matcher(request.path());
    if (matcher.find()) {
      double radius = Math.max(1.0, Double.parseDouble(matcher.group(2)) - shave);
      String replaced = matcher.replaceFirst(
          Matcher.quoteReplacement(matcher.group(1) + "radius_km=" + format(radius)));
      return new LoadRequest(request.endpoint(), replaced);
    }
    if (takesDefaultRadius(request)) {
      String separator = request.path().contains("?") ? "&" : "?";
      return new LoadRequest(
          request.endpoint(), request.path() + separator + "radius_km=" + format(DEFAULT_RADIUS_KM - shave));
    }
    return request;
  }

  private static String format(double radius) {
    return String.format(Locale.ROOT, "%.9f", radius);
  }
}
