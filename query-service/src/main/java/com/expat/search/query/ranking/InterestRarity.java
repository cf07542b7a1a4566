package com.expat.search.query.ranking;

import com.expat.search.query.members.Visibility;
import com.expat.search.query.solr.SolrIndex;
import com.expat.search.ranking.signals.Corpus;
import com.expat.search.vocabulary.MemberFields;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.solr.client.solrj.response.FacetField;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.params.ModifiableSolrParams;

/**
 * How rare each interest is among findable members, as the ranking model's {@link Corpus}: one
 * facet query, recomputed at most once per {@code ttl}. Thread-safe.
 */
public final class InterestRarity {
  private static final String KEY = "all";

  private final LoadingCache<String, Corpus> corpus;

  public InterestRarity(SolrIndex index, String membersCore, Duration ttl, Ticker ticker) {
    this.corpus =
        Caffeine.newBuilder()
            .expireAfterWrite(ttl)
            .ticker(ticker)
            .build(key -> load(index, membersCore));
  }

  /** The current statistics; the first call (and the first after {@code ttl}) asks Solr. */
  public Corpus corpus() {
    return corpus.get(KEY);
  }

  private static Corpus load(SolrIndex index, String core) {
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
    return Corpus.of(response.getResults().getNumFound(), bySlug);
  }
}
