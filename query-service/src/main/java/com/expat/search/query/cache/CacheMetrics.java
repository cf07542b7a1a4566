package com.expat.search.query.cache;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code expat_cache_requests_total{endpoint,tier,result}}: every look-up of a tier, hit or
 * miss, and {@code expat_cache_stale_total{endpoint,tier}}: entries found but not served because
 * the invalidation feed said (or could not confirm) that what they show changed.
 */
final class CacheMetrics {
  private final Counter l1Hit;
  private final Counter l1Miss;
  private final Counter l2Hit;
  private final Counter l2Miss;
  private final Counter l1Stale;
  private final Counter l2Stale;

  CacheMetrics(MeterRegistry registry, String endpoint) {
    l1Hit = requests(registry, endpoint, "l1", "hit");
    l1Miss = requests(registry, endpoint, "l1", "miss");
    l2Hit = requests(registry, endpoint, "l2", "hit");
    l2Miss = requests(registry, endpoint, "l2", "miss");
    l1Stale = stale(registry, endpoint, "l1");
    l2Stale = stale(registry, endpoint, "l2");
  }

  private static Counter requests(MeterRegistry registry, String endpoint, String tier, String result) {
    return Counter.builder("expat.cache.requests").description("Cache look-ups by endpoint, tier and result")
        .tag("endpoint", endpoint).tag("tier", tier).tag("result", result).register(registry);
  }

  private static Counter stale(MeterRegistry registry, String endpoint, String tier) {
    return Counter.builder("expat.cache.stale").description("Cached answers dropped as stale")
        .tag("endpoint", endpoint).tag("tier", tier).register(registry);
  }

  void l1(boolean hit) {
    (hit ? l1Hit : l1Miss).increment();
  }

  void l2(boolean hit) {
    (hit ? l2Hit : l2Miss).increment();
  }

  void stale(String tier) {
    ("l1".equals(tier) ? l1Stale : l2Stale).increment();
  }
}
