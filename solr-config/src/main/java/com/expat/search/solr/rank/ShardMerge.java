package com.expat.search.solr.rank;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.common.util.NamedList;
import org.apache.solr.handler.component.MergeStrategy;
import org.apache.solr.handler.component.ResponseBuilder;
import org.apache.solr.handler.component.ShardDoc;
import org.apache.solr.handler.component.ShardRequest;
import org.apache.solr.handler.component.ShardResponse;
import org.apache.solr.response.SolrQueryResponse;
import org.apache.solr.util.SolrResponseUtil;

/**
 * The coordinator's half of a ranked request over several shards, for members ({@link MatchesMerge})
 * and events ({@link EventsMerge}) alike: every shard's results with the merge values it sent
 * beside them (under {@link #valuesKey}) become one list, which the subclass scores and pages in
 * one core's order; the page is then the response, with the hits of every shard, the best score,
 * and Solr's partial-results flag when a shard did not answer. With query text, the page's text
 * scores and the best text score of every shard go to the second request for the page's fields
 * ({@link TextScores}). A subclass writes its shard's half ({@link #handleMergeFields}).
 */
abstract class ShardMerge implements MergeStrategy {
  private final String valuesKey;
  private final boolean text;

  /**
   * @param valuesKey where a shard's response holds its merge values
   * @param text whether the request has query text (whose scores are recombined over every shard's best)
   */
  ShardMerge(String valuesKey, boolean text) {
    this.valuesKey = valuesKey;
    this.text = text;
  }

  @Override
  public final boolean mergesIds() {
    return true;
  }

  @Override
  public final boolean handlesMergeFields() {
    return true;
  }

  @Override
  public final int getCost() {
    return 1;
  }

  /** Entry {@code i} of a shard's merge values, for {@code doc}. */
  abstract MergedMatches.Member<ShardDoc> member(ShardDoc doc, NamedList<?> values, int i);

  /**
   * Every shard's results with their final scores: with query text, read against {@code bestText},
   * the best text score of every shard (a shard sent each score without text); as sent without.
   */
  abstract List<MergedMatches.Member<ShardDoc>> scored(List<MergedMatches.Member<ShardDoc>> all, float bestText);

  /** The scored results in one core's order, cut to {@code count} rows from {@code offset}. */
  abstract List<MergedMatches.Member<ShardDoc>> page(List<MergedMatches.Member<ShardDoc>> scored, int offset,
      int count);

  /** On the coordinator: every shard's results in one order, the page kept. */
  @Override
  public final void merge(ResponseBuilder rb, ShardRequest sreq) {
    List<MergedMatches.Member<ShardDoc>> all = new ArrayList<>();
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
          (NamedList<?>) SolrResponseUtil.getSubsectionFromShardResponse(rb, response, valuesKey, false);
      NamedList<?> header =
          (NamedList<?>) SolrResponseUtil.getSubsectionFromShardResponse(rb, response, "responseHeader", false);
      if (docs == null || values == null) {
        partial = true;
        continue;
      }
      partial |= header != null
          && Boolean.TRUE.equals(header.getBooleanArg(SolrQueryResponse.RESPONSE_HEADER_PARTIAL_RESULTS_KEY));
      numFound += docs.getNumFound();
      if (text) {
        bestText = TextScores.bestText(values, bestText);
      }
      for (int i = 0; i < docs.size(); i++) {
        ShardDoc doc = new ShardDoc();
        doc.id = docs.get(i).getFieldValue(uniqueKey);
        doc.shard = response.getShard();
        doc.orderInShard = i;
        doc.sortFieldValues = new NamedList<>();
        all.add(member(doc, values, i));
      }
    }
    List<MergedMatches.Member<ShardDoc>> scored = text ? scored(all, bestText) : all;
    List<MergedMatches.Member<ShardDoc>> page = page(scored, rb.getSortSpec().getOffset(), rb.getSortSpec().getCount());

    Map<Object, ShardDoc> resultIds = new HashMap<>();
    for (int position = 0; position < page.size(); position++) {
      MergedMatches.Member<ShardDoc> member = page.get(position);
      ShardDoc doc = member.item();
      doc.score = (float) member.score();
      doc.positionInResponse = position;
      resultIds.put(doc.id.toString(), doc);
    }
    SolrDocumentList responseDocs = new SolrDocumentList();
    responseDocs.setNumFound(numFound);
    responseDocs.setNumFoundExact(true);
    responseDocs.setStart(rb.getSortSpec().getOffset());
    responseDocs.setMaxScore(scored.isEmpty() ? null
        : (float) scored.stream().mapToDouble(MergedMatches.Member::score).max().orElse(0));
    for (int i = 0; i < page.size(); i++) {
      responseDocs.add(null);
    }
    if (text) {
      // The page's fields come from a second request to the shards: its transformer reads each
      // result's text relevance against the best of every shard, from these.
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
