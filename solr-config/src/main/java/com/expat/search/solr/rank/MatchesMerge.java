package com.expat.search.solr.rank;

import com.expat.search.ranking.MemberFeature;
import java.io.IOException;
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
 * Matches over several shards, as Solr's {@link MergeStrategy} API lets a {@code RankQuery} merge.
 * Each shard ranks its own candidates with the whole model but without the diversity pass
 * ({@link MatchesRankParser.Request#shard}) and returns its best {@code max(start + rows, size ×
 * poolFactor)} (the parser raises {@code shards.rows}); beside the ids it returns, per member, what
 * the merge needs ({@link #handleMergeFields}): the model's exact score, the tie-breaks of one
 * core's order (pre-rank, last activity, id) and what the diversity pass compares (origin,
 * interests). The coordinator ({@link ShardMerge#merge}) orders every shard's members as one core would
 * order them, runs the ranking module's diversity pass on that merged ranking when the request
 * diversifies (matches; member search does not), and keeps the requested page ({@link
 * MergedMatches}). Stateless apart from the request.
 *
 * <p>With query text (member search) the model reads each member's text score over the best of
 * the result, and a shard knows only its own: each shard sends the model's score without text and
 * its best text score, the merge recombines every member's score over the best of all shards, and
 * hands the page's text scores and that best to the second request for the page's fields, whose
 * transformer then scores and explains each member as one core would ({@link TextScores}).
 */
final class MatchesMerge extends ShardMerge {
  static final String VALUES = "expat_merge";

  private final MatchesRankParser.Request request;

  MatchesMerge(MatchesRankParser.Request request) {
    super(VALUES, request.text());
    this.request = request;
  }

  /** On a shard: the merge values of every returned member, in the order of the results. */
  @Override
  public void handleMergeFields(ResponseBuilder rb, SolrIndexSearcher searcher) throws IOException {
    if (!rb.req.getParams().getBool(ShardParams.IS_SHARD, false) || rb.getResults() == null) {
      return;
    }
    DocList docs = rb.getResults().docList;
    MatchesJob job = request.job(searcher);
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    Map<Integer, SegmentPrerank> prerankByLeaf = new HashMap<>();
    MemberScorer scorer = job.scorer();
    List<Double> scores = new ArrayList<>(docs.size());
    List<Float> preranks = new ArrayList<>(docs.size());
    List<Double> primaries = new ArrayList<>(docs.size());
    List<Long> lastActive = new ArrayList<>(docs.size());
    List<Long> ids = new ArrayList<>(docs.size());
    List<String> origins = new ArrayList<>(docs.size());
    List<List<String>> interests = new ArrayList<>(docs.size());
    for (DocIterator it = docs.iterator(); it.hasNext(); ) {
      int doc = it.nextDoc();
      int leafIndex = ReaderUtil.subIndex(doc, leaves);
      LeafReaderContext leaf = leaves.get(leafIndex);
      MemberColumns columns = job.columns().columns(leaf.reader());
      int local = doc - leaf.docBase;
      // The window's key as the collector held it (the text score with text, else the pre-rank):
      // it decides ties of the model's score, as on one core.
      float windowKey;
      if (request.text()) {
        windowKey = it.score();
      } else {
        windowKey = (float) prerankByLeaf.computeIfAbsent(leafIndex, i -> new SegmentPrerank(job.prerank(), columns))
            .score(local);
      }
      MemberScorer.Segment member = scorer.segment(columns);
      // Without the text relevance: with text the coordinator recombines the score over the best
      // text score of every shard.
      scores.add(member.score(local, 0));
      preranks.add(windowKey);
      primaries.add(request.order().primary(columns, local, windowKey, job.params().viewer().origin()));
      lastActive.add(request.order().lastActive(columns, local));
      ids.add(columns.id[local]);
      origins.add(member.origin(local));
      interests.add(member.interests(local));
    }
    NamedList<Object> values = new SimpleOrderedMap<>();
    values.add("score", scores);
    if (request.text()) {
      values.add("maxScore", docs.maxScore());
    }
    values.add("prerank", preranks);
    values.add("primary", primaries);
    values.add("lastActive", lastActive);
    values.add("id", ids);
    values.add("origin", origins);
    values.add("interests", interests);
    rb.rsp.add(VALUES, values);
  }

  @Override
  MergedMatches.Member<ShardDoc> member(ShardDoc doc, NamedList<?> values, int i) {
    return MergedMatches.Member.of(doc, values, i);
  }

  @Override
  List<MergedMatches.Member<ShardDoc>> scored(List<MergedMatches.Member<ShardDoc>> all, float bestText) {
    return TextScores.withText(all, request.params().profile().members().weight(MemberFeature.TEXT), bestText);
  }

  /** One core's order, diversified when the request diversifies (matches; member search does not). */
  @Override
  List<MergedMatches.Member<ShardDoc>> page(List<MergedMatches.Member<ShardDoc>> scored, int offset, int count) {
    return MergedMatches.page(scored, request.order(),
        request.diversify() ? Optional.of(request.params().profile()) : Optional.empty(), request.pageSize(),
        offset, count);
  }
}
