/**
 * The website's data as this project sees it: one record per row kind of the contract's tables
 * ({@code ../shared/spec/CONTRACT.md} section 1), the aggregates the index is built from, and the
 * DDL. The generator writes these records, the MariaDB reader reads them, and the document
 * mapping turns them into Solr documents; one shape for every path.
 */
package com.expat.search.indexer.world;
