package com.expat.search.solr.rank;

import com.expat.search.ranking.MemberFeature;
import com.expat.search.ranking.Ranked;
import com.expat.search.ranking.signals.MemberSignals;
import java.io.IOException;
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
 * Matches over several shards, as Solr's {@link MergeStrategy} API lets a {@code RankQuery} merge.
 * Each shard ranks its own candidates with the whole model but without the diversity pass
 * ({@link MatchesRankParser.Request#shard}) and returns its best {@code max(start + rows, size ×
 * poolFactor)} (the parser raises {@code shards.rows}); beside the ids it returns, per member, what
 * the merge needs ({@link #handleMergeFields}): the model's exact score, the tie-breaks of one
 * core's order (pre-rank, last activity, id) and what the diversity pass compares (origin,
 * interests). The coordinator ({@link #merge}) orders every shard's members as one core would
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
final class MatchesMerge implements MergeStrategy {
  static final String VALUES = "expat_merge";

  private final MatchesRankParser.Request request;

  MatchesMerge(MatchesRankParser.Request request) {
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
      double textRelevance = 0;
      if (request.text()) {
        windowKey = it.score();
        textRelevance = MatchesJob.textRelevance(windowKey, docs.maxScore());
      } else {
        windowKey = (float) prerankByLeaf.computeIfAbsent(leafIndex, i -> new SegmentPrerank(job.prerank(), columns))
            .score(local);
      }
      Ranked<MemberSignals> ranked = job.one(columns, local, null, textRelevance);
      // With text the coordinator recombines the score over the best text score of every shard.
      scores.add(request.text() ? job.one(columns, local, null, 0).score() : ranked.score());
      preranks.add(windowKey);
      primaries.add(request.order().primary(columns, local, windowKey, job.params().viewer().origin()));
      lastActive.add(request.order().lastActive(columns, local));
      ids.add(columns.id[local]);
      origins.add(ranked.item().originCountry());
      interests.add(List.copyOf(ranked.item().interests()));
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

  /**
   * The members' scores with text relevance read against {@code bestText}, the best text score of
   * every shard: a shard sent the score without text, and the text score as the window's key.
   */
  private List<MergedMatches.Member<ShardDoc>> withText(List<MergedMatches.Member<ShardDoc>> members, float bestText) {
    return TextScores.withText(members, request.params().profile().members().weight(MemberFeature.TEXT), bestText);
  }

  /** On the coordinator: every shard's members in one order, diversified, the page kept. */
  @Override
  public void merge(ResponseBuilder rb, ShardRequest sreq) {
    List<MergedMatches.Member<ShardDoc>> members = new ArrayList<>();
    float bestText = 0;
    long numFound = 0;
    boolean partial = false;
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
      String uniqueKey = rb.req.getSchema().getUniqueKeyField().getName();
      for (int i = 0; i < docs.size(); i++) {
        ShardDoc doc = new ShardDoc();
        doc.id = docs.get(i).getFieldValue(uniqueKey);
        doc.shard = response.getShard();
        doc.orderInShard = i;
        doc.sortFieldValues = new NamedList<>();
        members.add(MergedMatches.Member.of(doc, values, i));
      }
    }
    if (request.text()) {
      members = withText(members, bestText);
    }
    List<MergedMatches.Member<ShardDoc>> page = MergedMatches.page(members, request.order(),
        request.diversify() ? Optional.of(request.params().profile()) : Optional.empty(), request.pageSize(),
        rb.getSortSpec().getOffset(), rb.getSortSpec().getCount());

    Map<Object, ShardDoc> resultIds = new HashMap<>();
    Float maxScore = null;
    for (int position = 0; position < page.size(); position++) {
      MergedMatches.Member<ShardDoc> member = page.get(position);
      ShardDoc doc = member.item();
      doc.score = (float) member.score();
      doc.positionInResponse = position;
      resultIds.put(doc.id.toString(), doc);
    }
    if (!members.isEmpty()) {
      maxScore = (float) members.stream().mapToDouble(MergedMatches.Member::score).max().orElse(0);
    }
    SolrDocumentList responseDocs = new SolrDocumentList();
    responseDocs.setNumFound(numFound);
    responseDocs.setNumFoundExact(true);
    responseDocs.setStart(rb.getSortSpec().getOffset());
    responseDocs.setMaxScore(maxScore);
    for (int i = 0; i < page.size(); i++) {
      responseDocs.add(null);
    }
    if (request.text()) {
      // The page's fields come from a second request to the shards: its transformer reads each
      // member's text relevance against the best of every shard, from these.
      rb.req.setParams(SolrParams.wrapDefaults(TextScores.params(bestText, TextScores.of(page)), rb.req.getParams()));
    }
    rb.rsp.addToLog("hits", numFound);
    rb.resultIds = resultIds;
    rb.setResponseDocs(responseDocs);
    if (partial) {
      rb.rsp.getResponseHeader().asShallowMap().put(SolrQueryResponse.RESPONSE_HEADER_PARTIAL_RESULTS_KEY, Boolean.TRUE);
    }
  }
}
