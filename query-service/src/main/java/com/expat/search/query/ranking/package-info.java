/**
 * Where the service meets the ranking module's model: the profiles, the interest statistics, the
 * request's time ({@link com.expat.search.query.ranking.Ranking}), the {@code profile} parameter
 * ({@link com.expat.search.query.ranking.ProfileParam}) and the two stages every ranked endpoint
 * shares ({@link com.expat.search.query.ranking.TwoStage}): Solr fetches a window of candidates in
 * roughly the final order, Java ranks and explains them.
 */
package com.expat.search.query.ranking;
