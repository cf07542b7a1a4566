/**
 * Operating the indexer: health and Prometheus metrics of the live sync over the JDK's HTTP
 * server ({@code INDEXER_HTTP_PORT}); the operator's commands {@code verify} (MariaDB against the
 * live index, and {@code --repair}), {@code rollback} (the index kept by the last rebuild made
 * live again) and {@code dead-letters} (list and replay); and metrics of jobs that end, written as
 * Prometheus text files ({@link com.expat.search.indexer.ops.TextfileMetrics}).
 */
package com.expat.search.indexer.ops;
