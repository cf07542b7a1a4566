package com.expat.search.query.matches;

import com.expat.search.common.solr.MemberFields;
import com.expat.search.query.members.Visibility;
import com.expat.search.query.solr.SolrIndex;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.solr.client.solrj.response.FacetField;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.params.ModifiableSolrParams;

/**
 * How rare each interest is among findable members: weight {@code ln(1 + N / members with it)},
 * from one facet query, recomputed at most once per {@code ttl}. Thread-safe.
 */
final class InterestRarity {
  private static final String KEY = "all";

  private final LoadingCache<String, Counts> counts;

  InterestRarity(SolrIndex index, String core, Duration ttl, Ticker ticker) {
    this.counts =
        Caffeine.newBuilder()
            .expireAfterWrite(ttl)
            .ticker(ticker)
            .build(key -> load(index, core));
  }

  /** Each slug with its weight; a slug nobody findable has counts as the rarest. */
  Map<String, Double> weights(Collection<String> slugs) {
    Counts current = counts.get(KEY);
    Map<String, Double> result = new LinkedHashMap<>();
    for (String slug : slugs) {
      long having = Math.max(1, current.bySlug().getOrDefault(slug, 0L));
      result.put(slug, Math.log1p((double) Math.max(current.members(), 1) / having));
    }
    return result;
  }

  private record Counts(long members, Map<String, Long> bySlug) {}

  private static Counts load(SolrIndex index, String core) {
    ModifiableSolrParams params = new ModifiableSolrParams();
    params.set("q", "*:*");
    Visibility.onlySearchable(params);
    params.set("rows", 0);
    params.set("facet", true);
    params.set("facet.field", MemberFields.INTERESTS);
    params.set("facet.limit", -1);
    params.set("facet.mincount", 1);
    QueryResponse response = index.query(core, params);
    Map<String, Long> bySlug = new HashMap<>();
    FacetField field = response.getFacetField(MemberFields.INTERESTS);
    if (field != null && field.getValues() != null) {
      field.getValues().forEach(count -> bySlug.put(count.getName(), count.getCount()));
    }
    return new Counts(response.getResults().getNumFound(), Map.copyOf(bySlug));
  }
}
