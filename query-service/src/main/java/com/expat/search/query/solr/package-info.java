/**
 * The Solr boundary: {@link com.expat.search.query.solr.SolrIndex} translates every library
 * failure; {@link com.expat.search.query.solr.QueryText} keeps user text literal.
 */
package com.expat.search.query.solr;
