/**
 * Where ranking meets Solr: the Solr-side part of each ranking as function queries ({@link
 * com.expat.search.ranking.solr.SolrRanking}) and index documents read into signals ({@link
 * com.expat.search.ranking.solr.IndexDocs}). No SolrJ dependency: strings and maps only.
 */
package com.expat.search.ranking.solr;
