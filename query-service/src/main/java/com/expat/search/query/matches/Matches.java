package com.expat.search.query.matches;

import static com.expat.search.common.solr.MemberFields.*;

import com.expat.search.query.members.KnownMember;
import com.expat.search.query.members.MemberDirectory;
import com.expat.search.query.members.MemberDocs;
import com.expat.search.query.members.MemberItem;
import com.expat.search.query.members.MemberPage;
import com.expat.search.query.members.Visibility;
import com.expat.search.query.ranking.MemberRanking;
import com.expat.search.query.ranking.RankingContext;
import com.expat.search.query.ranking.RankingPlan;
import com.expat.search.query.solr.SolrIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.params.ModifiableSolrParams;

/**
 * "People you may want to meet": findable members near the member's city who share at least one
 * language with them, never themselves, their contacts or anyone blocked either way; ranked by
 * the {@link MemberRanking}. Thread-safe.
 */
final class Matches {
  private final SolrIndex index;
  private final String core;
  private final MemberDirectory directory;
  private final InterestRarity rarity;
  private final MemberRanking ranking;

  Matches(SolrIndex index, String core, MemberDirectory directory, InterestRarity rarity, MemberRanking ranking) {
    this.index = index;
    this.core = core;
    this.directory = directory;
    this.rarity = rarity;
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
    Map<String, Double> interestWeights = rarity.weights(new TreeSet<>(me.interests()));
    RankingPlan plan = ranking.matches(
        new RankingContext(me.location(), me.cityId(), me.languages(), interestWeights));

    ModifiableSolrParams params = new ModifiableSolrParams();
    MemberDocs.ITEM_FIELDS.forEach(field -> params.add("fl", field));
    params.add("fl", "score");
    me.location().ifPresent(point -> {
      params.set("sfield", LOCATION);
      params.set("pt", point.solr());
      params.add("fq", "{!geofilt d=" + String.format(Locale.ROOT, "%.3f", request.radiusKm()) + "}");
    });
    if (me.location().isEmpty()) {
      // A city without coordinates: the same city is the best "near" we know.
      params.add("fq", me.cityId().isPresent() ? CITY_ID + ":" + me.cityId().getAsLong() : "-*:*");
    }
    plan.applyAsScore(params);

    Visibility.onlySearchable(params);
    Visibility.hideFrom(params, me);
    Visibility.excludeIds(params, "hidden_contacts", me.contactIds());
    params.add("fq", "-" + CONTACT_IDS + ":" + me.id());
    params.add("fq", "{!terms f=" + LANGUAGES + " v=$shared_languages}");
    params.set("shared_languages", String.join(",", new TreeSet<>(me.languages())));

    params.set("sort", "score desc," + LAST_ACTIVE_AT + " desc");
    params.set("start", (request.page() - 1) * request.size());
    params.set("rows", request.size());

    QueryResponse response = index.query(core, params);
    List<MemberItem> items = new ArrayList<>();
    for (SolrDocument doc : response.getResults()) {
      double score = ((Number) doc.getFirstValue("score")).doubleValue();
      Map<String, Double> explain = request.explain() ? plan.explain(doc, score, false) : null;
      items.add(MemberDocs.item(doc, score, me.location(), explain));
    }
    return new MemberPage(response.getResults().getNumFound(), request.page(), request.size(), items, null);
  }
}
