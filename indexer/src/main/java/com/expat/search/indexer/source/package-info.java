/**
 * Reading MariaDB, the source of truth: the rows the index is built from, loaded a set at a time, never
 * one query per row. The live sync reads the rows its change messages name
 * ({@link com.expat.search.indexer.source.RowReader}); the nightly reindex also pages through the
 * ids of a table ({@link com.expat.search.indexer.source.RebuildSource}); {@code verify} streams
 * ids and versions ({@link com.expat.search.indexer.source.RowVersions}).
 */
package com.expat.search.indexer.source;
