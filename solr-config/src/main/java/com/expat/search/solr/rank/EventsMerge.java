package com.expat.search.solr.rank;

import com.expat.search.ranking.EventFeature;
import com.expat.search.ranking.Ranked;
import com.expat.search.ranking.signals.EventSignals;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.params.ShardParams;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.common.util.NamedList;
import org.apache.solr.common.util.SimpleOrderedMap;
import org.apache.solr.handler.component.MergeStrategy;
import org.apache.solr.handler.component.ResponseBuilder;
import org.apache.solr.handler.component.ShardDoc;
import org.apache.solr.handler.component.ShardRequest;
import org.apache.solr.handler.component.ShardResponse;
import org.apache.solr.response.SolrQueryResponse;
import org.apache.solr.search.DocIterator;
import org.apache.solr.search.DocList;
import org.apache.solr.search.SolrIndexSearcher;
import org.apache.solr.util.SolrResponseUtil;

/**
 * Ranked events over several shards, as {@link MatchesMerge} does for members without the
 * diversity pass (events have none). Each shard ranks its own events with the whole model and
 * returns its best {@code start + rows}; beside the ids ({@link #handleMergeFields}) it returns,
 * per event, the model's exact score and one core's tie-breaks: the window's key (pre-rank, or
 * text score), the start and the id (its text order). The coordinator ({@link #merge}) orders every shard's events
 * as one core orders its ranked window ({@link MergedMatches#ONE_CORE_ORDER}, the start in the
 * place of the members' last activity, negated: the earlier start first) and keeps the page; in
 * the key's order ({@code order=key}) a shard sends the key in the place of the model's score.
 * With query text, as for members ({@link MatchesMerge}): the model reads an event's text score over
 * the best of the result and a shard knows only its own, so each shard sends the model's score
 * without text and its best text score, the merge recombines every event's score over the best of
 * all shards, and hands the page's text scores and that best ({@link TextScores}) to the second
 * request for the page's fields, whose transformer then scores and explains each event as one core
 * would. Stateless apart from the request.
 */
final class EventsMerge implements MergeStrategy {
  static final String VALUES = "expat_event_merge";

  private final EventsRankParser.Request request;

  EventsMerge(EventsRankParser.Request request) {
    this.request = request;
  }

  @Override
  public boolean mergesIds() {
    return true;
  }

  @Override
  public boolean handlesMergeFields() {
    return true;
  }

  @Override
  public int getCost() {
    return 1;
  }

  /** On a shard: the merge values of every returned event, in the order of the results. */
  @Override
  public void handleMergeFields(ResponseBuilder rb, SolrIndexSearcher searcher) {
    if (!rb.req.getParams().getBool(ShardParams.IS_SHARD, false) || rb.getResults() == null) {
      return;
    }
    DocList docs = rb.getResults().docList;
    EventsJob job = request.job();
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    Map<Integer, EventSegmentPrerank> prerankByLeaf = new HashMap<>();
    List<Double> scores = new ArrayList<>(docs.size());
    List<Float> preranks = new ArrayList<>(docs.size());
    List<Long> starts = new ArrayList<>(docs.size());
    List<Long> ids = new ArrayList<>(docs.size());
    for (DocIterator it = docs.iterator(); it.hasNext(); ) {
      int doc = it.nextDoc();
      int leafIndex = ReaderUtil.subIndex(doc, leaves);
      LeafReaderContext leaf = leaves.get(leafIndex);
      EventColumns columns = job.columns().columns(leaf.reader());
      int local = doc - leaf.docBase;
      float windowKey;
      double textRelevance = 0;
      if (request.text()) {
        windowKey = it.score();
        textRelevance = MatchesJob.textRelevance(windowKey, docs.maxScore());
      } else {
        windowKey = (float) prerankByLeaf.computeIfAbsent(leafIndex,
            i -> new EventSegmentPrerank(job.prerank(), columns)).score(local);
      }
      if (request.keyOrder()) {
        scores.add((double) windowKey); // the key's order: one core's order is the key's
      } else {
        // With text the coordinator recombines the score over the best text score of every shard.
        Ranked<EventSignals> ranked = job.one(columns, local, request.text() ? 0 : textRelevance);
        scores.add(ranked == null ? 0 : ranked.score());
      }
      preranks.add(windowKey);
      starts.add(columns.startsAt[local]);
      ids.add(columns.idOrder[local]);
    }
    NamedList<Object> values = new SimpleOrderedMap<>();
    values.add("score", scores);
    if (request.text()) {
      values.add("maxScore", docs.maxScore());
    }
    values.add("prerank", preranks);
    values.add("startsAt", starts);
    values.add("id", ids);
    rb.rsp.add(VALUES, values);
  }

  /** On the coordinator: every shard's events in one core's order, the page kept. */
  @Override
  public void merge(ResponseBuilder rb, ShardRequest sreq) {
    List<MergedMatches.Member<ShardDoc>> events = new ArrayList<>();
    float bestText = 0;
    long numFound = 0;
    boolean partial = false;
    String uniqueKey = rb.req.getSchema().getUniqueKeyField().getName();
    for (ShardResponse response : sreq.responses) {
      if (response.getException() != null) {
        partial = true;
        continue;
      }
      SolrDocumentList docs =
          (SolrDocumentList) SolrResponseUtil.getSubsectionFromShardResponse(rb, response, "response", false);
      NamedList<?> values =
          (NamedList<?>) SolrResponseUtil.getSubsectionFromShardResponse(rb, response, VALUES, false);
      NamedList<?> header =
          (NamedList<?>) SolrResponseUtil.getSubsectionFromShardResponse(rb, response, "responseHeader", false);
      if (docs == null || values == null) {
        partial = true;
        continue;
      }
      partial |= header != null
          && Boolean.TRUE.equals(header.getBooleanArg(SolrQueryResponse.RESPONSE_HEADER_PARTIAL_RESULTS_KEY));
      numFound += docs.getNumFound();
      if (request.text()) {
        bestText = TextScores.bestText(values, bestText);
      }
      for (int i = 0; i < docs.size(); i++) {
        ShardDoc doc = new ShardDoc();
        doc.id = docs.get(i).getFieldValue(uniqueKey);
        doc.shard = response.getShard();
        doc.orderInShard = i;
        doc.sortFieldValues = new NamedList<>();
        events.add(member(doc, values, i));
      }
    }
    if (request.text() && !request.keyOrder()) {
      events = TextScores.withText(events, request.job().params().profile().events().weight(EventFeature.TEXT),
          bestText);
    }
    List<MergedMatches.Member<ShardDoc>> page = MergedMatches.page(events, MemberOrder.MODEL, Optional.empty(), 0,
        rb.getSortSpec().getOffset(), rb.getSortSpec().getCount());
    Map<Object, ShardDoc> resultIds = new HashMap<>();
    for (int position = 0; position < page.size(); position++) {
      MergedMatches.Member<ShardDoc> event = page.get(position);
      ShardDoc doc = event.item();
      doc.score = (float) event.score();
      doc.positionInResponse = position;
      resultIds.put(doc.id.toString(), doc);
    }
    SolrDocumentList responseDocs = new SolrDocumentList();
    responseDocs.setNumFound(numFound);
    responseDocs.setNumFoundExact(true);
    responseDocs.setStart(rb.getSortSpec().getOffset());
    responseDocs.setMaxScore(events.isEmpty() ? null
        : (float) events.stream().mapToDouble(MergedMatches.Member::score).max().orElse(0));
    for (int i = 0; i < page.size(); i++) {
      responseDocs.add(null);
    }
    if (request.text()) {
      // The page's fields come from a second request to the shards: its transformer reads each
      // event's text relevance against the best of every shard, from these.
      rb.req.setParams(SolrParams.wrapDefaults(TextScores.params(bestText, TextScores.of(page)),
          rb.req.getParams()));
    }
    rb.rsp.addToLog("hits", numFound);
    rb.resultIds = resultIds;
    rb.setResponseDocs(responseDocs);
    if (partial) {
      rb.rsp.getResponseHeader().asShallowMap().put(SolrQueryResponse.RESPONSE_HEADER_PARTIAL_RESULTS_KEY, Boolean.TRUE);
    }
  }

  /** Entry {@code i} of a shard's {@link #VALUES}: the start, negated, where members hold their last activity. */
  static <T> MergedMatches.Member<T> member(T item, NamedList<?> values, int i) {
    return new MergedMatches.Member<>(item, number(values, "score", i).doubleValue(),
        number(values, "prerank", i).floatValue(), 0, -number(values, "startsAt", i).longValue(),
        number(values, "id", i).longValue(), null);
  }

  private static Number number(NamedList<?> values, String name, int i) {
    return (Number) ((List<?>) values.get(name)).get(i);
  }
}
