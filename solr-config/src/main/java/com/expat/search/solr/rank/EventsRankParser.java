package com.expat.search.solr.rank;

import com.expat.search.ranking.RankingException;
import com.expat.search.ranking.solr.EventRankParams;
import com.expat.search.ranking.signals.Corpus;
import com.expat.search.ranking.signals.Viewer;
import com.expat.search.ranking.solr.IndexDocs;
import com.expat.search.ranking.solr.RankParams;
import com.expat.search.vocabulary.MemberFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.solr.core.SolrCore;
import org.apache.solr.search.SolrIndexSearcher;
import org.apache.solr.util.RefCounted;
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

  private static final Object PARSED = new Object();

  /**
   * The event ranking's parameters of {@code req}, read once per request (the {@code rq} and the
   * transformer share them): as sent ({@link EventRankParams#params()}), or with {@link
   * RankParams#VIEWER_ID} the viewer read inside Solr from the {@link RankParams#VIEWER_CORE} of the
   * same node ({@link RequestViewer}; the response then tells the service what was read), measuring
   * distances from {@link RankParams#VIEWER_ORIGIN} when given (an event search's place), with the
   * contacts of their document and the rarity of interests that core's {@code expat_matches} plugin
   * keeps for matches ({@link FindableCorpus}). A viewer who is no active member ranks as no one: the
   * filters that name them keep every event out, and the service answers 404.
   *
   * @throws SyntaxError naming the parameter that is missing or malformed
   */
  static EventRankParams read(SolrQueryRequest req) throws SyntaxError {
    if (req.getContext().get(PARSED) instanceof EventRankParams parsed) {
      return parsed;
    }
    SolrParams params = req.getParams();
    EventRankParams rank;
    try {
      String viewerId = params.get(RankParams.VIEWER_ID);
      if (viewerId == null) {
        rank = EventRankParams.read(params::get);
      } else {
        String core = params.get(RankParams.VIEWER_CORE);
        if (core == null) {
          throw new SyntaxError(NAME + ": " + RankParams.VIEWER_ID + " needs " + RankParams.VIEWER_CORE
              + ", the core that holds the members");
        }
        RequestViewer read = RequestViewer.of(req, viewerId);
        read.report(req);
        Viewer viewer = read.found()
            ? Viewer.of(IndexDocs.member(read.doc()), contacts(read))
            : Viewer.anonymous(null);
        rank = EventRankParams.read(params::get, RequestViewer.fromOrigin(req, viewer, NAME), corpus(req, core));
      }
    } catch (RankingException e) {
      throw new SyntaxError(NAME + ": " + e.getMessage());
    }
    req.getContext().put(PARSED, rank);
    return rank;
  }

  private static Set<Long> contacts(RequestViewer read) throws SyntaxError {
    Set<Long> contacts = new HashSet<>();
    for (String id : read.values(MemberFields.CONTACT_IDS)) {
      try {
        contacts.add(Long.parseLong(id));
      } catch (NumberFormatException e) {
        throw new SyntaxError(NAME + ": member " + read.id() + " lists a contact that is no id: " + id);
      }
    }
    return contacts;
  }

  /** The statistics of the members core's matches ranking: the same counts the service's InterestRarity takes. */
  private static Corpus corpus(SolrQueryRequest req, String coreName) throws SyntaxError {
    try (SolrCore core = req.getCore().getCoreContainer().getCore(coreName)) {
      if (core == null || !(core.getQueryPlugin(MatchesRankParser.NAME) instanceof MatchesRankParser members)) {
        throw new SyntaxError(NAME + ": " + RankParams.VIEWER_CORE + " must name a core of this Solr node with "
            + MatchesRankParser.NAME + ", was " + coreName);
      }
      RefCounted<SolrIndexSearcher> searcher = core.getSearcher();
      try {
        return members.corpus(searcher.get());
      } finally {
        searcher.decref();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot count the interests of " + coreName, e);
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
        EventRankParams rank = read(req);
        // With text the second request for the page's fields carries the page's text scores and the
        // best over every shard (EventsMerge), for the transformer.
        boolean text = localParams.getBool("text", false);
        return new EventsRankQuery(new Request(Map.copyOf(rank.params()), window, text, keyOrder,
            EventsRankParser.this));
      }
    };
  }
}
