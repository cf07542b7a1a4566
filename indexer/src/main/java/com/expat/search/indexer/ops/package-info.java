/**
 * Operating the indexer: health and Prometheus metrics over the JDK's HTTP server, on their own
 * port ({@code INDEXER_HTTP_PORT}).
 */
package com.expat.search.indexer.ops;
