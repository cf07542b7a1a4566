/**
 * Answer caches keyed by normalized requests ({@link com.expat.search.query.cache.ResponseCache}),
 * and the {@link com.expat.search.query.cache.HiddenMembers} filter every cached answer passes.
 */
package com.expat.search.query.cache;
