/**
 * Rows to Solr documents: the one mapping used by the live sync, the nightly reindex and the
 * demo, so that a document looks the same whichever path wrote it. Pure functions, no I/O.
 */
package com.expat.search.indexer.mapping;
