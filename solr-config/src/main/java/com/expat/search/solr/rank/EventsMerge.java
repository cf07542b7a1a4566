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
import org.apache.solr.common.params.ShardParams;
import org.apache.solr.common.util.NamedList;
import org.apache.solr.common.util.SimpleOrderedMap;
import org.apache.solr.handler.component.ResponseBuilder;
import org.apache.solr.handler.component.ShardDoc;
import org.apache.solr.search.DocIterator;
import org.apache.solr.search.DocList;
import org.apache.solr.search.SolrIndexSearcher;

/**
 * Ranked events over several shards, as {@link MatchesMerge} does for members without the
 * diversity pass (events have none). Each shard ranks its own events with the whole model and
 * returns its best {@code start + rows}; beside the ids ({@link #handleMergeFields}) it returns,
 * per event, the model's exact score and one core's tie-breaks: the window's key (pre-rank, or
 * text score), the start and the id (its text order). The coordinator ({@link ShardMerge#merge}) orders every shard's events
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
final class EventsMerge extends ShardMerge {
  static final String VALUES = "expat_event_merge";

  private final EventsRankParser.Request request;

  EventsMerge(EventsRankParser.Request request) {
    super(VALUES, request.text());
    this.request = request;
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

  @Override
  MergedMatches.Member<ShardDoc> member(ShardDoc doc, NamedList<?> values, int i) {
    return event(doc, values, i);
  }

  /** In the key's order ({@code order=key}) a shard sent the key as the score: nothing to recombine. */
  @Override
  List<MergedMatches.Member<ShardDoc>> scored(List<MergedMatches.Member<ShardDoc>> all, float bestText) {
    return request.keyOrder() ? all
        : TextScores.withText(all, request.job().params().profile().events().weight(EventFeature.TEXT), bestText);
  }

  @Override
  List<MergedMatches.Member<ShardDoc>> page(List<MergedMatches.Member<ShardDoc>> scored, int offset, int count) {
    return MergedMatches.page(scored, MemberOrder.MODEL, Optional.empty(), 0, offset, count);
  }

  /** Entry {@code i} of a shard's {@link #VALUES}: the start, negated, where members hold their last activity. */
  static <T> MergedMatches.Member<T> event(T item, NamedList<?> values, int i) {
    return new MergedMatches.Member<>(item, number(values, "score", i).doubleValue(),
        number(values, "prerank", i).floatValue(), 0, -number(values, "startsAt", i).longValue(),
        number(values, "id", i).longValue(), null);
  }

  private static Number number(NamedList<?> values, String name, int i) {
    return (Number) ((List<?>) values.get(name)).get(i);
  }
}
