/**
 * How members are ranked, behind {@link com.expat.search.query.ranking.MemberRanking}: features as
 * Solr functions, explained per item. The first cut is hand-weighted; the ranking module's model
 * replaces it.
 */
package com.expat.search.query.ranking;
