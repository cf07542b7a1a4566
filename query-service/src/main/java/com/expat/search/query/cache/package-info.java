/**
 * Answer caches keyed by normalized requests ({@link com.expat.search.query.cache.ResponseCache}),
 * kept from serving a hidden or changed member by the invalidation notices ({@link
 * com.expat.search.query.cache.Freshness}).
 */
package com.expat.search.query.cache;
