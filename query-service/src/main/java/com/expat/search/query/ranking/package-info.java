/**
 * Where the service meets the ranking module's model: the profiles, the interest statistics, the
 * request's time ({@link com.expat.search.query.ranking.Ranking}), the {@code profile} and {@code
 * weights} parameters ({@link com.expat.search.query.ranking.ProfileParam}) and the ranking inside
 * Solr every ranked member endpoint shares ({@link com.expat.search.query.ranking.MembersInSolr},
 * {@link com.expat.search.query.ranking.RankInSolr}): the filters choose the candidates, Solr's
 * plugin pre-ranks them, ranks the best window with the whole model and returns the page.
 */
package com.expat.search.query.ranking;
