package com.expat.search.ranking.solr;

import com.expat.search.ranking.RankingFeature;
import com.expat.search.ranking.features.SolrSyntax;

/**
 * One feature as a Solr function query.
 *
 * @param feature the feature
 * @param weight the profile's weight for it, > 0
 * @param function the feature's value (unweighted), in [0, 1]; equal to the Java value within
 *     float precision (see {@link SolrPrerank})
 */
public record SolrTerm(RankingFeature feature, double weight, String function) {
  /** {@code mul(weight,function)}: the feature's contribution. */
  public String weighted() {
    return "mul(" + SolrSyntax.number(weight) + "," + function + ")";
  }
}
