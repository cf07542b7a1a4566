package com.expat.search.query.events;

import static com.expat.search.common.solr.EventFields.*;

import com.expat.search.query.members.KnownMember;
import com.expat.search.query.members.MemberDirectory;
import com.expat.search.query.ranking.RankingPlan;
import com.expat.search.query.solr.SolrIndex;
import java.util.List;
import java.util.TreeSet;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.params.ModifiableSolrParams;

/**
 * A member's upcoming events: starting within {@code days}, not ended, near their city, in a
 * language they speak, never one they go to or host; ranked by {@link EventRanking#forMember}.
 * Thread-safe.
 */
final class MemberEvents {
  private final SolrIndex index;
  private final String core;
  private final MemberDirectory directory;

  MemberEvents(SolrIndex index, String core, MemberDirectory directory) {
    this.index = index;
    this.core = core;
    this.directory = directory;
  }

  /**
   * @throws com.expat.search.query.http.ProblemException 404 when the member is not active
   */
  EventPage run(MemberEventsRequest request) {
    KnownMember me = directory.require(request.memberId(), "member");
    if (me.languages().isEmpty()) {
      return new EventPage(0, request.page(), request.size(), List.of(), null);
    }
    RankingPlan plan = EventRanking.forMember(me);
    ModifiableSolrParams params = new ModifiableSolrParams();
    EventDocs.itemFieldsOfUpcoming(params);
    params.add("fq", STARTS_AT + ":[NOW/MINUTE TO NOW/MINUTE+" + request.days() + "DAYS]");
    if (me.location().isPresent()) {
      params.set("sfield", LOCATION);
      params.set("pt", me.location().get().solr());
      EventDocs.geofilt(params, me.location().get(), request.radiusKm());
    } else {
      // A city without coordinates: the same city is the best "near" we know.
      params.add("fq", me.cityId().isPresent() ? CITY_ID + ":" + me.cityId().getAsLong() : "-*:*");
    }
    params.add("fq", "{!terms f=" + LANGUAGE + " v=$member_languages}");
    params.set("member_languages", String.join(",", new TreeSet<>(me.languages())));
    params.add("fq", "-" + GOING_IDS + ":" + me.id());
    params.add("fq", "-" + HOST_MEMBER_ID + ":" + me.id());
    plan.applyAsScore(params);

    params.set("sort", "score desc," + STARTS_AT + " asc," + ID + " asc");
    params.set("start", (request.page() - 1) * request.size());
    params.set("rows", request.size());
    QueryResponse response = index.query(core, params);
    return new EventPage(
        response.getResults().getNumFound(),
        request.page(),
        request.size(),
        EventDocs.items(response, me.location(), plan, request.explain(), false),
        null);
  }
}
