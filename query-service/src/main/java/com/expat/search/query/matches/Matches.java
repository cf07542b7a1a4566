package com.expat.search.query.matches;

import com.expat.search.query.catalog.Catalog;
import com.expat.search.query.i18n.ItemWords;
import com.expat.search.query.members.KnownMember;
import com.expat.search.query.members.Viewers;
import com.expat.search.query.members.MemberPage;
import com.expat.search.query.ranking.MembersInSolr;
import com.expat.search.query.ranking.MembersInSolr.Shape;
import com.expat.search.query.ranking.Ranking;
import com.expat.search.query.search.CatalogLookup;
import com.expat.search.query.solr.SolrIndex;
import com.expat.search.ranking.RankingProfile;
import com.expat.search.ranking.solr.RankParams;
import java.util.List;
import org.apache.solr.common.params.ModifiableSolrParams;

/**
 * "People you may want to meet": findable members near the member's city who share at least one
 * language with them, never themselves, their contacts or anyone blocked either way; ranked inside
 * Solr in one request ({@link MembersInSolr}: the pre-rank keeps the best window, the whole model
 * ranks it and diversifies the first page; a Solr without the plugin is a 503). Thread-safe.
 */
final class Matches {
  private final SolrIndex index;
  private final String core;
  private final Viewers viewers;
  private final Ranking ranking;
  private final CatalogLookup catalog;
  private final Catalog cities;

  Matches(SolrIndex index, String core, Viewers viewers, CatalogLookup catalog, Catalog cities,
      Ranking ranking) {
    this.catalog = catalog;
    this.cities = cities;
    this.index = index;
    this.core = core;
    this.viewers = viewers;
    this.ranking = ranking;
  }

  /**
   * @throws com.expat.search.query.http.ProblemException 404 when the member is not active
   */
  MemberPage run(MatchesRequest request) {
    RankingProfile profile = ranking.forMembers(request.profile(), request.weights());
    Shape shape = new MembersInSolr.Shape(request.page(), request.size(), false, true, request.explain());
    ItemWords words = new ItemWords(request.locale(), catalog::interestNames, catalog::cityNames);
    ModifiableSolrParams params = new ModifiableSolrParams();
    MembersInSolr.Page page;
    if (viewers.inSolr()) {
      // One request: Solr reads the member (real-time get) for the rules and the model, and says
      // whether they are active. Without languages the language rule lets no one through: the
      // same empty page as below.
      long id = request.memberId();
      MatchRules.inSolr(id, request.radiusKm()).forEach(rule -> rule.addTo(params));
      page = MembersInSolr.page(index, core, params, shape, RankParams.params(profile, id, null, ranking.now()),
          ranking, response -> Viewers.requireRead(response, id, "member"), words);
    } else {
      KnownMember me = viewers.directory().require(request.memberId(), "member");
      if (me.languages().isEmpty()) {
        return new MemberPage(0, request.page(), request.size(), List.of(), null);
      }
      MatchRules.of(me, request.radiusKm(), cities.snapshot().points()).forEach(rule -> rule.addTo(params));
      page = MembersInSolr.page(index, core, params, shape,
          new RankParams(profile, Ranking.viewer(me), ranking.now()).params(), ranking, response -> me.location(),
          words);
    }
    return new MemberPage(page.total(), request.page(), request.size(), page.items(), null);
  }
}
