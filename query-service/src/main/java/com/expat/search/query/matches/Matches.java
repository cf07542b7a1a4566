package com.expat.search.query.matches;

import static com.expat.search.vocabulary.MemberFields.*;

import com.expat.search.query.catalog.Catalog;
import com.expat.search.query.i18n.ItemWords;
import com.expat.search.query.members.KnownMember;
import com.expat.search.query.members.MemberDirectory;
import com.expat.search.query.members.MemberDocs;
import com.expat.search.query.members.MemberPage;
import com.expat.search.query.ranking.PrerankForm;
import com.expat.search.query.ranking.Ranking;
import com.expat.search.query.ranking.TwoStage;
import com.expat.search.query.search.CatalogLookup;
import com.expat.search.query.solr.SolrIndex;
import com.expat.search.ranking.MatchRanker;
import com.expat.search.ranking.RankingProfile;
import com.expat.search.ranking.signals.Corpus;
import com.expat.search.ranking.signals.MemberSignals;
import com.expat.search.ranking.signals.Viewer;
import com.expat.search.ranking.solr.IndexDocs;
import com.expat.search.ranking.solr.RankParams;
import com.expat.search.ranking.solr.SolrPrerank;
import com.expat.search.ranking.solr.SolrRanking;
import java.time.Instant;
import java.util.List;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.params.ModifiableSolrParams;

/**
 * "People you may want to meet": findable members near the member's city who share at least one
 * language with them, never themselves, their contacts or anyone blocked either way; ranked by the
 * model ({@link TwoStage}), then diversified. Thread-safe.
 */
final class Matches {
  private final SolrIndex index;
  private final String core;
  private final MemberDirectory directory;
  private final Ranking ranking;
  private final CatalogLookup catalog;
  private final Catalog cities;

  Matches(SolrIndex index, String core, MemberDirectory directory, CatalogLookup catalog, Catalog cities,
      Ranking ranking) {
    this.catalog = catalog;
    this.cities = cities;
    this.index = index;
    this.core = core;
    this.directory = directory;
    this.ranking = ranking;
  }

  /**
   * @throws com.expat.search.query.http.ProblemException 404 when the member is not active
   */
  MemberPage run(MatchesRequest request) {
    KnownMember me = directory.require(request.memberId(), "member");
    if (me.languages().isEmpty()) {
      return new MemberPage(0, request.page(), request.size(), List.of(), null);
    }
    RankingProfile profile = ranking.forMembers(request.profile(), request.weights());
    Corpus corpus = ranking.corpus();
    Instant now = ranking.now();
    Viewer viewer = Ranking.viewer(me);

    ModifiableSolrParams params = new ModifiableSolrParams();
    MatchRules.of(me, request.radiusKm(), cities.snapshot().points()).forEach(rule -> rule.addTo(params));

    if (ranking.inSolr().enabled()) {
      return InSolr.page(index, core, params, request, me, new RankParams(profile, viewer, now), ranking,
          new ItemWords(request.locale(), catalog::interestNames, catalog::cityNames));
    }
    TwoStage stages = ranking.stages(request.page(), request.size(), true);
    SolrPrerank prerank = prepareWindow(params, stages, viewer, profile, corpus, now, MemberDocs.ITEM_FIELDS,
        ranking.prerankForm());

    QueryResponse response = ranking.prerankForm().window(index, core, params, prerank);
    MatchRanker ranker = ranking.matches();
    List<TwoStage.Hit<MemberSignals>> hits = stages.page(response.getResults(), false, IndexDocs::member,
        MemberSignals::id,
        candidates -> ranker.diversify(ranker.rank(viewer, candidates, profile, corpus, now), request.size(), profile),
        TwoStage.pageFetch(index, core, params, MemberDocs.ITEM_FIELDS));
    return new MemberPage(response.getResults().getNumFound(), request.page(), request.size(),
        hits.stream().map(hit -> MemberDocs.item(hit.doc(), me.location(), hit.ranked(), request.explain(),
            new ItemWords(request.locale(), catalog::interestNames, catalog::cityNames))).toList(),
        null);
  }

  /**
   * Sets the window's score, fields and order on {@code params} (which hold the rules already);
   * {@link WhyNotShown} asks Solr for the same window.
   */
  static SolrPrerank prepareWindow(ModifiableSolrParams params, TwoStage stages, Viewer viewer, RankingProfile profile,
      Corpus corpus, Instant now, List<String> itemFields, PrerankForm form) {
    SolrPrerank prerank = SolrRanking.members(viewer, profile, corpus, now);
    stages.prepare(params, prerank, false, itemFields, form);
    params.set("sort", "score desc," + LAST_ACTIVE_AT + " desc," + ID + " asc");
    return prerank;
  }
}
