package com.expat.search.ranking.solr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The part of a ranking Solr can compute, to fetch candidates in roughly their final order: the
 * weighted sum of the {@link com.expat.search.ranking.RankingFeature#solrComputable()} features
 * with a non-zero weight. Use {@link #function()} as the score ({@code q={!func v=$rank}} with
 * {@code rank=function()}) or as an additive boost, set {@link #params()} on the same request, and
 * ask for {@link #fields()} so that the Java ranker can compute the whole score.
 *
 * <p>Each term's value agrees with the Java feature to within 1e-5 relative (Solr computes
 * function queries in {@code float}) plus, for distance, the effect of under a metre of point
 * quantization. The Java score is the one returned and explained; Solr's only orders candidates.
 *
 * @param terms the Solr-side features, in model order
 * @param params request parameters the functions rely on: {@code NOW} (epoch ms), so that Solr's
 *     time is the ranker's
 * @param fields the fields the Java ranker reads ({@link IndexDocs}), for {@code fl}
 * @param nativeFunction the same sum as one function of the configset's native plugin ({@code
 *     expat_member_prerank}, in {@code solr-config}), computed in one pass over the docValues; empty
 *     where there is no such function (events) and on a Solr without the plugin
 * @param nativeOnly features only the native form computes, beyond {@code terms} (the members'
 *     {@code shared_languages}, from a field no generic function can read), each with its native
 *     function; the native form's score is the sum over {@code terms} and these
 */
public record SolrPrerank(List<SolrTerm> terms, Map<String, String> params, List<String> fields,
    Optional<String> nativeFunction, List<SolrTerm> nativeOnly) {
  public SolrPrerank {
    terms = List.copyOf(terms);
    params = Map.copyOf(params);
    fields = List.copyOf(fields);
    Objects.requireNonNull(nativeFunction, "nativeFunction");
    nativeOnly = List.copyOf(nativeOnly);
    if (nativeFunction.isEmpty() && !nativeOnly.isEmpty()) {
      throw new IllegalArgumentException("native-only terms without a native function");
    }
  }

  public SolrPrerank(List<SolrTerm> terms, Map<String, String> params, List<String> fields,
      Optional<String> nativeFunction) {
    this(terms, params, fields, nativeFunction, List.of());
  }

  public SolrPrerank(List<SolrTerm> terms, Map<String, String> params, List<String> fields) {
    this(terms, params, fields, Optional.empty());
  }

  /** {@code sum(0,mul(w1,f1),...)}; {@code 0} when no feature is Solr-side. */
  public String function() {
    if (terms.isEmpty()) {
      return "0";
    }
    List<String> weighted = new ArrayList<>(terms.size() + 1);
    weighted.add("0");
    for (SolrTerm term : terms) {
      weighted.add(term.weighted());
    }
    return "sum(" + String.join(",", weighted) + ")";
  }
}
