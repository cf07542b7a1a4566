package com.expat.search.bench.load;

/**
 * What the load generator keeps of an answer: its status and the cache tier that served it.
 *
 * @param tier {@link #UNCACHED}, {@link #L1}, {@link #L2} or {@link #HIT} (a hit whose tier the
 *     service did not name)
 */
public record Reply(int status, String tier) {
  public static final String UNCACHED = "uncached";
  public static final String L1 = "l1";
  public static final String L2 = "l2";
  public static final String HIT = "hit";

  /**
   * The tier from the service's headers: {@code X-Cache: miss} is uncached; {@code X-Cache: hit}
   * is named by {@code X-Cache-Tier} ({@code l1}, {@code l2}) when present. A missing
   * {@code X-Cache} counts as uncached (the service sets it on every answer; Solr never does).
   */
  public static String tier(String xCache, String xCacheTier) {
    if (xCache == null || !xCache.strip().equalsIgnoreCase("hit")) {
      return UNCACHED;
    }
    if (xCacheTier == null || xCacheTier.isBlank()) {
      return HIT;
    }
    String named = xCacheTier.strip().toLowerCase(java.util.Locale.ROOT);
    return named.equals(L1) || named.equals(L2) ? named : HIT;
  }

  public boolean ok() {
    return status >= 200 && status < 400;
  }
}
