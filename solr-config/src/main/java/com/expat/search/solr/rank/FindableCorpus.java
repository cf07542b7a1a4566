package com.expat.search.solr.rank;

import com.expat.search.ranking.signals.Corpus;
import com.expat.search.vocabulary.MemberFields;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.Bits;
import org.apache.solr.cloud.CloudDescriptor;
import org.apache.solr.cloud.ZkController;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.cloud.DocCollection;
import org.apache.solr.common.params.CommonParams;
import org.apache.solr.common.params.FacetParams;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.util.NamedList;
import org.apache.solr.core.SolrCore;
import org.apache.solr.request.LocalSolrQueryRequest;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.request.SolrRequestInfo;
import org.apache.solr.response.SolrQueryResponse;
import org.apache.solr.search.SolrIndexSearcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ranking model's {@link Corpus}: findable members ({@code searchable}, live) and how many of
 * them have each interest, refreshed at most once per {@code ttl} (rarity moves slowly). The same
 * statistics the query service's {@code InterestRarity} takes from a facet query.
 *
 * <p>A core alone, or the one shard of its collection, counts over its own {@link MemberColumns}.
 * A shard of a collection of several asks the whole collection (one distributed facet query over
 * {@code interests}, through the core's own search handler), so that every shard weighs a rare
 * interest as one core holding every member would, and shard scores merge in one order. When that
 * query fails (a shard without a live replica, say), the shard counts its own members and asks the
 * collection again after {@link #RETRY}. Thread-safe.
 */
final class FindableCorpus {
  static final Duration RETRY = Duration.ofSeconds(10);
  private static final Logger LOG = LoggerFactory.getLogger(FindableCorpus.class);

  private final ColumnCache columns;
  private final long ttlNanos;
  private final LongSupplier nanoTime;
  private volatile Stamped current;

  private record Stamped(Corpus corpus, long atNanos, long ttlNanos) {
    boolean staleAt(long now) {
      return now - atNanos > ttlNanos;
    }
  }

  FindableCorpus(ColumnCache columns, Duration ttl, LongSupplier nanoTime) {
    this.columns = columns;
    this.ttlNanos = ttl.toNanos();
    this.nanoTime = nanoTime;
  }

  /** The statistics, counted over {@code searcher} when none are younger than the TTL. */
  Corpus corpus(IndexSearcher searcher) throws IOException {
    Stamped stamped = current;
    long now = nanoTime.getAsLong();
    if (stamped == null || stamped.staleAt(now)) {
      synchronized (this) {
        stamped = current;
        if (stamped == null || stamped.staleAt(now)) {
          stamped = count(searcher, now);
          current = stamped;
        }
      }
    }
    return stamped.corpus();
  }

  private Stamped count(IndexSearcher searcher, long now) throws IOException {
    SolrCore core = searcher instanceof SolrIndexSearcher solr ? solr.getCore() : null;
    if (core == null || !oneShardOfSeveral(core)) {
      return new Stamped(countHere(searcher), now, ttlNanos);
    }
    try {
      return new Stamped(countCollection(core), now, ttlNanos);
    } catch (RuntimeException e) {
      LOG.warn("{}: interest counts of the whole collection failed, counting this shard's until a retry in {}: {}",
          core.getName(), RETRY, e.toString());
      return new Stamped(countHere(searcher), now, Math.min(ttlNanos, RETRY.toNanos()));
    }
  }

  private static boolean oneShardOfSeveral(SolrCore core) {
    CloudDescriptor cloud = core.getCoreDescriptor().getCloudDescriptor();
    ZkController zk = core.getCoreContainer().getZkController();
    if (cloud == null || zk == null) {
      return false;
    }
    DocCollection collection = zk.getClusterState().getCollectionOrNull(cloud.getCollectionName());
    return collection != null && collection.getSlices().size() > 1;
  }

  /** One facet query over every shard of the core's collection, as a client would send it. */
  private static Corpus countCollection(SolrCore core) {
    ModifiableSolrParams params = new ModifiableSolrParams();
    params.set(CommonParams.Q, "*:*");
    params.set(CommonParams.FQ, MemberFields.SEARCHABLE + ":true");
    params.set(CommonParams.ROWS, 0);
    params.set(CommonParams.DISTRIB, true);
    params.set(FacetParams.FACET, true);
    params.set(FacetParams.FACET_FIELD, MemberFields.INTERESTS);
    params.set(FacetParams.FACET_LIMIT, -1);
    params.set(FacetParams.FACET_MINCOUNT, 1);
    SolrQueryResponse response = new SolrQueryResponse();
    // A request of its own: the handler keeps its state in the thread's request info.
    try (SolrQueryRequest request = new LocalSolrQueryRequest(core, params)) {
      SolrRequestInfo.setRequestInfo(new SolrRequestInfo(request, response));
      try {
        core.execute(core.getRequestHandler("/select"), request, response);
      } finally {
        SolrRequestInfo.clearRequestInfo();
      }
    }
    if (response.getException() != null) {
      throw new IllegalStateException(response.getException());
    }
    if (Boolean.TRUE.equals(response.getResponseHeader().get(SolrQueryResponse.RESPONSE_HEADER_PARTIAL_RESULTS_KEY))) {
      throw new IllegalStateException("partial results: a shard did not answer");
    }
    Object docs = response.getValues().get("response");
    long members = docs instanceof SolrDocumentList list ? list.getNumFound()
        : ((org.apache.solr.response.ResultContext) docs).getDocList().matches();
    NamedList<?> facets = (NamedList<?>) ((NamedList<?>) ((NamedList<?>) response.getValues().get("facet_counts"))
        .get("facet_fields")).get(MemberFields.INTERESTS);
    Map<String, Long> bySlug = new HashMap<>();
    facets.forEach((slug, count) -> bySlug.put(slug, ((Number) count).longValue()));
    return Corpus.of(members, bySlug);
  }

  private Corpus countHere(IndexSearcher searcher) throws IOException {
    long members = 0;
    Map<String, Long> bySlug = new HashMap<>();
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      MemberColumns segment = columns.columns(leaf.reader());
      SortedDocValues searchable = DocValues.getSorted(leaf.reader(), MemberFields.SEARCHABLE);
      int trueOrd = searchable.lookupTerm(new org.apache.lucene.util.BytesRef("T"));
      if (trueOrd < 0) {
        continue;
      }
      Bits live = leaf.reader().getLiveDocs();
      long[] perOrd = new long[segment.interests.length];
      for (int doc = searchable.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = searchable.nextDoc()) {
        if (searchable.ordValue() != trueOrd || (live != null && !live.get(doc))) {
          continue;
        }
        members++;
        for (int i = segment.interestStart[doc]; i < segment.interestStart[doc + 1]; i++) {
          perOrd[segment.interestOrds[i]]++;
        }
      }
      for (int ord = 0; ord < perOrd.length; ord++) {
        if (perOrd[ord] > 0) {
          bySlug.merge(segment.interests[ord], perOrd[ord], Long::sum);
        }
      }
    }
    return Corpus.of(members, bySlug);
  }
}
