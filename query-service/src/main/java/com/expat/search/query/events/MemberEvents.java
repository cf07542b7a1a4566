package com.expat.search.query.events;

import static com.expat.search.vocabulary.EventFields.*;

import com.expat.search.query.i18n.ItemWords;
import com.expat.search.query.members.KnownMember;
import com.expat.search.query.members.MemberDirectory;
import com.expat.search.query.members.Visibility;
import com.expat.search.query.ranking.Ranking;
import com.expat.search.query.search.CatalogLookup;
import com.expat.search.query.solr.SolrIndex;
import java.util.List;
import java.util.TreeSet;
import org.apache.solr.common.params.ModifiableSolrParams;

/**
 * A member's upcoming events: starting within {@code days}, not ended, near their city, in a
 * language they speak, never one they go to or host; ranked by the model ({@link EventDocs#ranked}: inside
 * Solr in one request where it can).
 * Thread-safe.
 */
final class MemberEvents {
  private final SolrIndex index;
  private final String core;
  private final MemberDirectory directory;
  private final Ranking ranking;
  private final CatalogLookup catalog;

  MemberEvents(SolrIndex index, String core, MemberDirectory directory, CatalogLookup catalog, Ranking ranking) {
    this.catalog = catalog;
    this.index = index;
    this.core = core;
    this.directory = directory;
    this.ranking = ranking;
  }

  /**
   * @throws com.expat.search.query.http.ProblemException 404 when the member is not active
   */
  EventPage run(MemberEventsRequest request) {
    KnownMember me = directory.require(request.memberId(), "member");
    if (me.languages().isEmpty()) {
      return new EventPage(0, request.page(), request.size(), List.of(), null);
    }
    ModifiableSolrParams params = new ModifiableSolrParams();
    EventDocs.upcoming(params);
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
    params.add("fq", Visibility.NOT_CACHED + "-" + GOING_IDS + ":" + me.id() + " -" + HOST_MEMBER_ID + ":" + me.id());

    EventDocs.Ranked answer = EventDocs.ranked(index, core, params, request.page(), request.size(), true, false,
        ranking, request.profile(),
        request.weights(), Ranking.viewer(me), me.location(), request.explain(),
        new ItemWords(request.locale(), catalog::interestNames, catalog::cityNames));
    return new EventPage(answer.response().getResults().getNumFound(), request.page(), request.size(),
        answer.items(), null);
  }
}
