package com.expat.search.solr.rank;

import com.expat.search.ranking.RankingException;
import com.expat.search.ranking.solr.EventRankParams;
import java.util.Map;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.search.QParser;
import org.apache.solr.search.QParserPlugin;
import org.apache.solr.search.SyntaxError;
import org.apache.lucene.search.Query;

/**
 * The query parser {@value #NAME}: {@code rq={!expat_events window=W}} with the event ranking's
 * parameters ({@link EventRankParams#params()}) in the request; {@code text=true} when the main
 * query scores query text (the window is then the best by that score, which the model reads as
 * text relevance, instead of by the pre-rank). {@code order=key} keeps the window's key order
 * (pre-rank, or text score; ties by start, then id) at any depth, for pages beyond the largest
 * window: the model scores only the page ({@link EventsTransformerFactory}). Holds what lives as
 * long as the core: the segments' {@link EventColumnCache}. Thread-safe.
 */
public final class EventsRankParser extends QParserPlugin {
  public static final String NAME = com.expat.search.vocabulary.QueryParsers.EVENTS;

  private final EventColumnCache columns = new EventColumnCache();

  /**
   * What one request asks for, as sent: equal texts rank equally. Parsed once per request by
   * {@link #job()}.
   */
  record Request(Map<String, String> sent, int window, boolean text, boolean keyOrder, EventsRankParser plugin) {
    EventsJob job() {
      return EventsJob.of(EventRankParams.read(sent::get), plugin.columns, window);
    }
  }

  /** The core's columns (for the transformer and the warmer). */
  EventColumnCache columns() {
    return columns;
  }

  @Override
  public QParser createParser(String qstr, SolrParams localParams, SolrParams params, SolrQueryRequest req) {
    return new QParser(qstr, localParams, params, req) {
      @Override
      public Query parse() throws SyntaxError {
        String order = localParams.get("order", "model");
        boolean keyOrder = order.equals("key");
        if (!keyOrder && !order.equals("model")) {
          throw new SyntaxError(NAME + ": order must be model or key, was " + order);
        }
        // The key's order ranks no window: it keeps Solr's start + rows, at any depth.
        int window = keyOrder ? 1 : localParams.getInt("window", 300);
        if (window < 1 || window > MatchesRankParser.MAX_WINDOW) {
          throw new SyntaxError(NAME + ": window must be 1.." + MatchesRankParser.MAX_WINDOW + ", was " + window);
        }
        EventRankParams rank;
        try {
          rank = EventRankParams.read(params::get);
        } catch (RankingException e) {
          throw new SyntaxError(NAME + ": " + e.getMessage());
        }
        // With text the second request for the page's fields carries the page's text scores and the
        // best over every shard (EventsMerge), for the transformer.
        boolean text = localParams.getBool("text", false);
        return new EventsRankQuery(new Request(Map.copyOf(rank.params()), window, text, keyOrder,
            EventsRankParser.this));
      }
    };
  }
}
