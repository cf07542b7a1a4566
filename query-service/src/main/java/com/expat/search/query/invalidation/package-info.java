/**
 * The indexer's invalidation notices ({@code expat.search.invalidations}): which members and
 * events a batch changed, fed into {@link com.expat.search.query.cache.Freshness} so that no
 * cached answer outlives the change that hid someone.
 */
package com.expat.search.query.invalidation;
