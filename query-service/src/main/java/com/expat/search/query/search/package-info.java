/** {@code GET /v1/members/search}. */
package com.expat.search.query.search;
