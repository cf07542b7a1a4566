package com.expat.search.query.matches;

import com.expat.search.query.i18n.ItemWords;
import com.expat.search.query.members.KnownMember;
import com.expat.search.query.members.MemberPage;
import com.expat.search.query.ranking.MembersInSolr;
import com.expat.search.query.ranking.RankInSolr;
import com.expat.search.query.ranking.Ranking;
import com.expat.search.query.solr.SolrIndex;
import com.expat.search.ranking.solr.RankParams;
import org.apache.solr.common.params.ModifiableSolrParams;

/**
 * Matches ranked inside Solr in one request ({@link MembersInSolr}): the filters choose the
 * candidates, the pre-rank keeps the best window, the whole model ranks it and diversifies the
 * first page. Stateless.
 */
final class InSolr {
  private InSolr() {}

  /**
   * The page ({@link RankInSolr#query}: a Solr without the plugin is a 503).
   *
   * @param params the request's filters, to which the ranking is added
   */
  static MemberPage page(SolrIndex index, String core, ModifiableSolrParams params, MatchesRequest request,
      KnownMember me, RankParams rank, Ranking ranking, ItemWords words) {
    MembersInSolr.Page page = MembersInSolr.page(index, core, params,
        new MembersInSolr.Shape(request.page(), request.size(), false, true, request.explain()), rank, ranking,
        me.location(), words);
    return new MemberPage(page.total(), request.page(), request.size(), page.items(), null);
  }
}
