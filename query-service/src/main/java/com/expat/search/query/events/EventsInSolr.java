package com.expat.search.query.events;

import static com.expat.search.vocabulary.EventFields.ID;
import static com.expat.search.vocabulary.EventFields.STARTS_AT;

import com.expat.search.query.i18n.ItemWords;
import com.expat.search.query.members.GeoPoint;
import com.expat.search.query.members.MemberDocs;
import com.expat.search.query.ranking.RankInSolr;
import com.expat.search.query.ranking.Ranking;
import com.expat.search.query.ranking.MembersInSolr;
import com.expat.search.query.solr.SolrIndex;
import com.expat.search.ranking.Reason;
import com.expat.search.ranking.solr.EventRankParams;
import com.expat.search.ranking.solr.ReasonText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.params.ModifiableSolrParams;

/**
 * Events ranked inside Solr in one request, for a member's events and event search: the main
 * query and filters choose the events, {@code rq={!expat_events}} keeps the best window (by the
 * pre-rank over in-memory columns, or with query text by the text score, which the model reads as
 * text relevance) and ranks it with the whole event model; only the page comes back, each event
 * with the model's exact score (and explanation) from the {@code [expat_events]} transformer. The
 * resolved profile, the viewer with their contacts and the rarity of their interests travel with
 * the request ({@link EventRankParams}). Orders the model does not decide ({@link Order}) keep
 * their own and the transformer scores the page. Stateless.
 */
final class EventsInSolr {
  private static final String SCORE = "expat_score";
  private static final String EXPLAIN = "expat_explain";
  private static final String REASONS = "expat_reasons";

  /**
   * What to rank and how.
   *
   * @param text whether the main query ({@code q}, already set) scores query text
   */
  record Shape(int page, int size, boolean text, boolean explain, Order order) {}

  /**
   * The order of the events: {@link #MODEL} ranks the best window with the whole model
   * (relevance within the largest window); {@link #KEY} keeps the window's key (the pre-rank, or
   * the text score: relevance beyond the largest window, {@code order=key}); {@link #DATE} is a
   * plain Solr sort, soonest first, then the text score, then id. The last two leave the model
   * only the page's scores.
   */
  enum Order {
    MODEL,
    KEY,
    DATE;

    /** In relevance order: the model within the largest window, the key beyond it. */
    static Order relevance(int page, int size) {
      return MembersInSolr.fits(page, size) ? MODEL : KEY;
    }
  }

  private EventsInSolr() {}

  /**
   * The page.
   *
   * @param params the request's filters (and with text its main query), to which the ranking is
   *     added; facets, when set, count the whole result as before
   * @param rank the ranking's parameters: {@link EventRankParams#params()}, or with a member Solr
   *     reads itself {@link EventRankParams#params(com.expat.search.ranking.RankingProfile, long,
   *     String, Instant)}
   * @param now the request's time, as {@code rank} holds it
   * @param from where {@code distance_km} is measured from, if anywhere, given Solr's response (which
   *     tells where a member Solr read lives); may throw to refuse the answer
   * @throws com.expat.search.query.solr.IndexUnavailableException when Solr does not answer, or
   *     answers without the plugin ({@link RankInSolr#query})
   */
  static EventDocs.Ranked page(SolrIndex index, String core, ModifiableSolrParams params, Shape shape,
      Map<String, String> rank, Instant now, Ranking ranking, Function<QueryResponse, Optional<GeoPoint>> from,
      ItemWords words) {
    int end = shape.page() * shape.size();
    if (!shape.text()) {
      params.set("q", "*:*");
    }
    if (shape.order() == Order.DATE) {
      // With text on SolrCloud the coordinator hands the page's text scores and the best of every
      // shard to the transformer (solr-config TextScoresComponent).
      params.set("sort", STARTS_AT + " asc,score desc," + ID + " asc");
    } else {
      params.set("rq", "{!" + RankInSolr.EVENTS_PLUGIN + (shape.order() == Order.KEY ? " order=key"
          : " window=" + Math.max(ranking.window(), end)) + (shape.text() ? " text=true" : "") + "}");
      params.remove("sort");
    }
    rank.forEach(params::set);
    // Solr's NOW is the model's: the "not ended" filter and the ranking see the same minute.
    params.set("NOW", Long.toString(now.toEpochMilli()));
    params.set("start", (shape.page() - 1) * shape.size());
    params.set("rows", shape.size());
    params.set("fl", String.join(",", EventDocs.ITEM_FIELDS) + "," + SCORE + (shape.text() ? ",score" : "")
        + ",[" + RankInSolr.EVENTS_PLUGIN + (shape.explain() ? " explain=true" : "")
        + (shape.text() ? " text=true" : "") + "]" + (shape.explain() ? "," + EXPLAIN + "," + REASONS : ""));
    QueryResponse response = RankInSolr.query(index, core, params, RankInSolr.EVENTS_PLUGIN);
    Optional<GeoPoint> origin = from.apply(response);
    List<EventItem> items = new ArrayList<>();
    for (SolrDocument doc : response.getResults()) {
      if (!(doc.getFirstValue(SCORE) instanceof Number score)) {
        continue; // not one the model ranks (over by the request's time): the ranking left it out
      }
      items.add(shape.explain()
          ? EventDocs.item(doc, score.doubleValue(), origin, explanation(doc), words.reasons(reasons(doc)), words)
          : EventDocs.item(doc, score.doubleValue(), origin, null, null, words));
    }
    return new EventDocs.Ranked(response, items);
  }

  /** {@code feature=contribution} texts, in the model's feature order. */
  private static Map<String, Double> explanation(SolrDocument doc) {
    Map<String, Double> byFeature = new LinkedHashMap<>();
    for (String text : MemberDocs.strings(doc.getFieldValues(EXPLAIN))) {
      int equals = text.indexOf('=');
      byFeature.put(text.substring(0, equals), Double.parseDouble(text.substring(equals + 1)));
    }
    return byFeature;
  }

  private static List<Reason> reasons(SolrDocument doc) {
    return MemberDocs.strings(doc.getFieldValues(REASONS)).stream().map(ReasonText::read).toList();
  }
}
