/**
 * Indexing benchmarks: {@code bench bulk} (the full rebuild against a plain bulk load of the same
 * documents) and {@code bench live} (live sync throughput and change-to-searchable latency through
 * a running indexer). See benchmarks/README.md, section "Indexing", for how to run them on the 1M
 * world.
 *
 * <h2>bulk</h2>
 * {@link com.expat.search.bench.indexing.BulkCommand} reads and maps the table exactly as the
 * rebuild does into a javabin file ({@code DocumentFile}), posts that file into a fresh bulk core
 * ({@code PlainLoad}), then runs the indexer's own {@code Reindexer} into another fresh core under
 * a live name of its own, watching its writes through {@code MeteredIndex}. Both loads use the
 * same threads, page size, Solr client and write deadline, and are timed from core creation to the
 * final commit, so that the ratio of their wall times is the cost of reading MariaDB and mapping.
 * The live cores are never written; both bench cores are dropped at the end.
 *
 * <h2>live</h2>
 * {@link com.expat.search.bench.indexing.LiveCommand} changes searchable active members as the
 * website does ({@code ChangeWriter}: update, commit, publish with confirms), open loop or as fast
 * as possible, and polls the live core for the documents changed since the oldest pending change
 * ({@code VisibilityPoller}, one uncached {@code /select} per round, whose cost does not grow with
 * the changes waiting), recording publish-to-visible latency in an HdrHistogram
 * ({@code Visibility}; {@code --warmup} leaves the first seconds out). The changes stay in the
 * database.
 */
package com.expat.search.bench.indexing;
