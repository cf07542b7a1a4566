/** {@code GET /openapi.json} and {@code GET /docs}, the readable page rendered from it. */
package com.expat.search.query.docs;
