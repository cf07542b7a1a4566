/**
 * The world generator: a deterministic, streaming generator of realistic worlds (real GeoNames
 * cities with expat hubs and a long tail, nationalities with fitting names and languages,
 * correlated Zipf-like interests, a power-law contact graph, events and RSVPs) for tests, the
 * demo and the benchmarks.
 *
 * <p>Entry points: {@link com.expat.search.indexer.generate.WorldGenerator} with a {@link
 * com.expat.search.indexer.generate.WorldSpec} streams rows to a {@link
 * com.expat.search.indexer.generate.WorldSink}: {@link
 * com.expat.search.indexer.generate.InMemoryWorld} (aggregates for indexing straight into Solr)
 * or {@link com.expat.search.indexer.generate.MariaDbWorldWriter} (bulk load into the
 * contract's tables); {@link com.expat.search.indexer.generate.GenerateCommand} is the {@code
 * generate} subcommand. Reference data lives in {@code src/main/resources/world/}.
 */
package com.expat.search.indexer.generate;
