/**
 * Where ranking meets Solr: what a ranking inside Solr needs, as request parameters ({@link
 * com.expat.search.ranking.solr.RankParams}, {@link com.expat.search.ranking.solr.EventRankParams}),
 * the pre-ranks over plain columns from the model's own feature functions ({@link
 * com.expat.search.ranking.solr.ColumnPrerank}, {@link com.expat.search.ranking.solr.EventColumnPrerank}),
 * reasons as text ({@link com.expat.search.ranking.solr.ReasonText}) and index documents read into
 * signals ({@link com.expat.search.ranking.solr.IndexDocs}). No SolrJ dependency: strings and maps only.
 */
package com.expat.search.ranking.solr;
