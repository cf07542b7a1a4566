/** {@code GET /v1/suggest}: type-ahead over cities, interests and (findable) members. */
package com.expat.search.query.suggest;
