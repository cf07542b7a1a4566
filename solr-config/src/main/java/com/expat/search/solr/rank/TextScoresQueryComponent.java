package com.expat.search.solr.rank;

import java.util.HashMap;
import java.util.Map;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.handler.component.QueryComponent;
import org.apache.solr.handler.component.ResponseBuilder;
import org.apache.solr.handler.component.ShardDoc;
import org.apache.solr.handler.component.ShardRequest;

/**
 * On the coordinator of a plain Solr sort with scores (event search by date with query text, where no
 * {@code rq} merges): hands the page's text scores and the best of every shard to the shards'
 * second request for the page's fields ({@link TextScores}, ids in their text order as {@link
 * EventColumns#idOrder}), so that {@code [expat_events text=true]} reads an event's text relevance
 * as one core would, not against its shard's own best. Requests an {@code rq} merges ({@link
 * MatchesMerge}, {@link EventsMerge}) hand theirs on themselves; on one core it does nothing.
 * Solr's query component otherwise: registered under its name {@code query} where the plugin is
 * enabled, so that a Solr without the jar keeps its own. Stateless.
 */
public final class TextScoresQueryComponent extends QueryComponent {
  /**
   * After the shards' ids are merged: the page's text scores for Solr's second request for the
   * page's fields, which copies the request's parameters.
   */
  @Override
  public void handleResponses(ResponseBuilder rb, ShardRequest sreq) {
    super.handleResponses(rb, sreq);
    SolrDocumentList page = rb.getResponseDocs();
    if ((sreq.purpose & ShardRequest.PURPOSE_GET_TOP_IDS) == 0 || rb.getMergeStrategies() != null
        || page == null || page.getMaxScore() == null || rb.resultIds == null
        || rb.req.getParams().get(TextScores.BEST) != null) {
      return;
    }
    Map<Long, Float> scores = new HashMap<>();
    for (ShardDoc doc : rb.resultIds.values()) {
      scores.put(EventColumns.textOrder(doc.id.toString()), doc.score);
    }
    rb.req.setParams(SolrParams.wrapDefaults(TextScores.params(page.getMaxScore(), scores), rb.req.getParams()));
  }
}
