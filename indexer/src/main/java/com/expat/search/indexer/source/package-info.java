/**
 * Reading MariaDB, the source of truth: the rows the index is built from, loaded a set at a time
 * ({@link com.expat.search.indexer.source.RowSource}), never one query per row. Used by the live
 * sync (ids from change messages) and the nightly reindex (keyset pages of ids).
 */
package com.expat.search.indexer.source;
