package com.expat.search.query.ranking;

import com.expat.search.query.i18n.ItemWords;
import com.expat.search.query.members.GeoPoint;
import com.expat.search.query.members.MemberDocs;
import com.expat.search.query.members.MemberItem;
import com.expat.search.query.solr.SolrIndex;
import com.expat.search.ranking.Reason;
import com.expat.search.ranking.solr.RankParams;
import com.expat.search.ranking.solr.ReasonText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.params.ModifiableSolrParams;

/**
 * Members ranked inside Solr in one request, for matches and member search: the main query and
 * filters choose the candidates, {@code rq={!expat_matches}} keeps the best window (by the
 * pre-rank over in-memory columns, or with query text by the text score, which the model reads as
 * text relevance), ranks it with the whole model (and for matches diversifies the first page);
 * only the page comes back, each member with the model's exact score (and explanation) from the
 * {@code [expat_matches]} transformer. Stateless.
 */
public final class MembersInSolr {
  private static final String SCORE = "expat_score";
  private static final String EXPLAIN = "expat_explain";
  private static final String REASONS = "expat_reasons";

  /** One ranked page: Solr's response (total, facets) and the page's items. */
  public record Page(QueryResponse response, List<MemberItem> items) {
    public long total() {
      return response.getResults().getNumFound();
    }
  }

  /**
   * What to rank and how.
   *
   * @param text whether the main query ({@code q}, already set) scores query text: the window is the
   *     best by that score and the model reads it as text relevance; otherwise {@code q=*:*} and the
   *     window is the best by the pre-rank
   * @param diversify whether the model's diversity pass re-ranks the first page (matches)
   */
  public record Shape(int page, int size, boolean text, boolean diversify, boolean explain, Order order) {
    public Shape(int page, int size, boolean text, boolean diversify, boolean explain) {
      this(page, size, text, diversify, explain, Order.relevance(page, size));
    }
  }

  /**
   * The order of the members (solr-config's {@code MemberOrder}): {@link #MODEL} ranks the best
   * window with the whole model (relevance within the largest window); the others keep an order the
   * model does not decide and the model scores the page: {@link #KEY} the window's key (the
   * pre-rank, or the text score: relevance beyond the largest window), {@link #RECENT} last
   * activity, {@link #DISTANCE} nearest to the viewer's origin; ties by the key, last activity
   * (not for distance), id.
   */
  public enum Order {
    MODEL,
    KEY,
    RECENT,
    DISTANCE;

    /** In relevance order: the model within the largest window, the key beyond it. */
    public static Order relevance(int page, int size) {
      return fits(page, size) ? MODEL : KEY;
    }
  }

  private MembersInSolr() {}

  /** Whether a page of this shape can rank in Solr: it ends within the largest window. */
  public static boolean fits(int page, int size) {
    return page * size <= Ranking.MAX_WINDOW;
  }

  /**
   * The page.
   *
   * @param params the request's filters (and with text its main query), to which the ranking is
   *     added; facets, when set, count the whole result as before
   * @throws com.expat.search.query.solr.IndexUnavailableException when Solr does not answer, or
   *     answers without the plugin ({@link RankInSolr#query})
   * @param rank the ranking's parameters: {@link RankParams#params()}, or with a viewer Solr reads
   *     itself {@link RankParams#params(com.expat.search.ranking.RankingProfile, long,
   *     com.expat.search.ranking.signals.LatLon, java.time.Instant)}
   * @param from where {@code distance_km} is measured from, if anywhere, given Solr's response (which
   *     tells where a viewer Solr read lives); may throw to refuse the answer
   */
  public static Page page(SolrIndex index, String core, ModifiableSolrParams params, Shape shape,
      Map<String, String> rank, Ranking ranking, Function<QueryResponse, Optional<GeoPoint>> from, ItemWords words) {
    int end = shape.page() * shape.size();
    if (!shape.text()) {
      params.set("q", "*:*");
    }
    String order = shape.order() == Order.MODEL ? " window=" + Math.max(ranking.window(), end)
        : " order=" + shape.order().name().toLowerCase(Locale.ROOT);
    params.set("rq", "{!" + RankInSolr.PLUGIN + order + " size=" + shape.size() + (shape.text() ? " text=true" : "")
        + (shape.diversify() ? "" : " diversify=false") + "}");
    params.remove("sort");
    rank.forEach(params::set);
    params.set("start", (shape.page() - 1) * shape.size());
    params.set("rows", shape.size());
    // Solr writes only the fields fl names, the transformer's too. Every name is an alias of the
    // plugin's transformers (the page's fields from its columns, MemberDocs.rankedFieldList; the
    // score as the transformer's own name), and with text the rq keeps the page's text scores
    // without score in fl: so Solr reads no stored field (docs/benchmarks.md, "Solr's side of member search").
    params.set("fl", MemberDocs.rankedFieldList() + "," + SCORE + ":[" + RankInSolr.PLUGIN
        + (shape.explain() ? " explain=true" : "") + (shape.text() ? " text=true" : "")
        + "]" + (shape.explain() ? "," + EXPLAIN + "," + REASONS : ""));
    QueryResponse response = RankInSolr.query(index, core, params);
    Optional<GeoPoint> origin = from.apply(response);
    List<MemberItem> items = new ArrayList<>();
    for (SolrDocument doc : response.getResults()) {
      double score = ((Number) doc.getFirstValue(SCORE)).doubleValue();
      MemberItem item = shape.explain()
          ? MemberDocs.item(doc, score, origin, explanation(doc), words.reasons(reasons(doc)))
          : MemberDocs.item(doc, score, origin, null, null);
      items.add(MemberDocs.inWords(item, words));
    }
    return new Page(response, items);
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
