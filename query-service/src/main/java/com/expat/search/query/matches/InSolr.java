package com.expat.search.query.matches;

import com.expat.search.query.i18n.ItemWords;
import com.expat.search.query.members.KnownMember;
import com.expat.search.query.members.MemberDocs;
import com.expat.search.query.members.MemberItem;
import com.expat.search.query.members.MemberPage;
import com.expat.search.query.ranking.Ranking;
import com.expat.search.query.ranking.RankInSolr;
import com.expat.search.ranking.Reason;
import com.expat.search.ranking.solr.RankParams;
import com.expat.search.ranking.solr.ReasonText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.params.ModifiableSolrParams;

/**
 * Matches ranked inside Solr in one request: the filters choose the candidates, {@code
 * rq={!expat_matches}} pre-ranks them over in-memory columns, ranks the best window with the whole
 * model and diversifies the first page; only the page comes back, each member with the model's
 * exact score (and explanation) from the {@code [expat_matches]} transformer. Stateless.
 */
final class InSolr {
  private static final String SCORE = "expat_score";
  private static final String EXPLAIN = "expat_explain";
  private static final String REASONS = "expat_reasons";

  private InSolr() {}

  /**
   * The page, or empty when Solr lacks the plugin ({@link RankInSolr#query}).
   *
   * @param params the request's filters, to which the ranking is added
   */
  static Optional<MemberPage> page(com.expat.search.query.solr.SolrIndex index, String core,
      ModifiableSolrParams params, MatchesRequest request, KnownMember me, RankParams rank, Ranking ranking,
      ItemWords words) {
    int end = request.page() * request.size();
    params.set("q", "*:*");
    params.set("rq", "{!" + RankInSolr.PLUGIN + " window=" + Math.max(ranking.window(), end) + " size="
        + request.size() + "}");
    rank.params().forEach(params::set);
    params.set("start", (request.page() - 1) * request.size());
    params.set("rows", request.size());
    // Solr writes only the fields fl names, the transformer's too.
    params.set("fl", String.join(",", MemberDocs.ITEM_FIELDS) + "," + SCORE + ",[" + RankInSolr.PLUGIN
        + (request.explain() ? " explain=true" : "") + "]" + (request.explain() ? "," + EXPLAIN + "," + REASONS : ""));
    Optional<QueryResponse> response = ranking.inSolr().query(index, core, params);
    if (response.isEmpty()) {
      return Optional.empty();
    }
    List<MemberItem> items = new ArrayList<>();
    for (SolrDocument doc : response.get().getResults()) {
      double score = ((Number) doc.getFirstValue(SCORE)).doubleValue();
      if (request.explain()) {
        items.add(MemberDocs.item(doc, score, me.location(), explanation(doc), words.reasons(reasons(doc))));
      } else {
        items.add(MemberDocs.item(doc, score, me.location(), null, null));
      }
    }
    return Optional.of(new MemberPage(response.get().getResults().getNumFound(), request.page(), request.size(),
        items, null));
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
