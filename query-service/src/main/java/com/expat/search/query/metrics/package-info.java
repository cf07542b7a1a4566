/** {@code GET /metrics}: Prometheus text from one Micrometer registry, and per-request timing. */
package com.expat.search.query.metrics;
