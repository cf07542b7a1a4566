package com.expat.search.query.cache;

/**
 * Members hidden since an answer may have been cached: they turned unsearchable, deactivated,
 * were deleted, or started blocking someone. Every answer that lists members passes through this
 * filter on its way out, cached or not, so a cached answer never shows a member hidden after it
 * was cached (contract section 4.1).
 *
 * <p>The first cut has no source of such events in the query service and uses {@link #NONE}:
 * cache TTLs bound the staleness. The intended source is the indexer's change stream (e.g. a
 * fan-out queue or a Memcached generation key per member), recording hidden ids for at least the
 * longest TTL. Implementations must be thread-safe and fast (called per item of every answer).
 */
@FunctionalInterface
public interface HiddenMembers {
  HiddenMembers NONE = (memberId, viewerId) -> false;

  /**
   * True when {@code memberId} must not be shown (to {@code viewerId}, 0 for an anonymous
   * caller).
   */
  boolean isHidden(long memberId, long viewerId);
}
