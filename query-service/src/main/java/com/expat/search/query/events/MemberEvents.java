package com.expat.search.query.events;

import static com.expat.search.vocabulary.EventFields.*;

import com.expat.search.common.config.ConfigException;
import com.expat.search.query.i18n.ItemWords;
import com.expat.search.query.members.KnownMember;
import com.expat.search.query.members.Viewers;
import com.expat.search.query.members.Visibility;
import com.expat.search.query.ranking.RankInSolr;
import com.expat.search.query.ranking.Ranking;
import com.expat.search.query.search.CatalogLookup;
import com.expat.search.query.solr.IndexQueryException;
import com.expat.search.query.solr.IndexUnavailableException;
import com.expat.search.query.solr.SolrIndex;
import com.expat.search.ranking.solr.EventRankParams;
import com.expat.search.ranking.signals.LatLon;
import com.expat.search.ranking.solr.RankParams;
import com.expat.search.vocabulary.MemberFields;
import com.expat.search.vocabulary.QueryParsers;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.util.NamedList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A member's upcoming events: starting within {@code days}, not ended, near their city, in a
 * language they speak, never one they go to or host; ranked by the model inside Solr ({@link
 * EventDocs#ranked}). On one Solr node ({@link Viewers#inSolr}) the events request names the member
 * and Solr reads them from the members core itself (solr-config's {@code RequestViewer}, real-time
 * get: a write a moment ago applies), one HTTP round trip; on SolrCloud the service reads the member
 * first and writes their values into the filters. The same filters and ranking either way.
 * Thread-safe.
 */
final class MemberEvents {
  private static final Logger LOG = LoggerFactory.getLogger(MemberEvents.class);
  private final SolrIndex index;
  private final String core;
  private final String membersCore;
  private final Viewers viewers;
  private final Ranking ranking;
  private final CatalogLookup catalog;

  /**
   * @param core the events core
   * @param membersCore the members core, which Solr reads the member from on one node
   */
  MemberEvents(SolrIndex index, String core, String membersCore, Viewers viewers, CatalogLookup catalog,
      Ranking ranking) {
    this.catalog = catalog;
    this.index = index;
    this.core = core;
    this.membersCore = membersCore;
    this.viewers = viewers;
    this.ranking = ranking;
  }

  /**
   * @throws com.expat.search.query.http.ProblemException 404 when the member is not active
   */
  EventPage run(MemberEventsRequest request) {
    ItemWords words = new ItemWords(request.locale(), catalog::interestNames, catalog::cityNames);
    ModifiableSolrParams params = new ModifiableSolrParams();
    EventDocs.upcoming(params);
    params.add("fq", STARTS_AT + ":[NOW/MINUTE TO NOW/MINUTE+" + request.days() + "DAYS]");
    long id = request.memberId();
    EventDocs.Ranked answer;
    if (viewers.inSolr()) {
      // One request: Solr reads the member (real-time get on the members core) for the filters and
      // the model, and says whether they are active. Without languages the language filter lets no
      // event through: the same empty page as below.
      referenceMember(params, id, request.radiusKm());
      notTheirs(params, id);
      answer = EventDocs.ranked(index, core, params, request.page(), request.size(), true, false, ranking,
          request.profile(), request.weights(), new EventDocs.ReadInSolr(id, "member", membersCore, Optional.empty()),
          request.explain(), words);
    } else {
      KnownMember me = viewers.directory().require(id, "member");
      if (me.languages().isEmpty()) {
        return new EventPage(0, request.page(), request.size(), List.of(), null);
      }
      if (me.location().isPresent()) {
        EventDocs.geofilt(params, me.location().get(), request.radiusKm());
      } else {
        // A city without coordinates: the same city is the best "near" we know.
        params.add("fq", me.cityId().isPresent() ? CITY_ID + ":" + me.cityId().getAsLong() : "-*:*");
      }
      params.add("fq", "{!terms f=" + LANGUAGE + " v=$member_languages}");
      params.set("member_languages", String.join(",", new TreeSet<>(me.languages())));
      notTheirs(params, id);
      answer = EventDocs.ranked(index, core, params, request.page(), request.size(), true, false,
          ranking, request.profile(), request.weights(), Ranking.viewer(me), me.location(), request.explain(), words);
    }
    return new EventPage(answer.response().getResults().getNumFound(), request.page(), request.size(),
        answer.items(), null);
  }

  /**
   * Near the member (their point and the radius; their city without one) and in a language they
   * speak, the member read inside Solr from the members core the ranking's parameters name.
   */
  private static void referenceMember(ModifiableSolrParams params, long id, double radiusKm) {
    params.add("fq", "{!" + QueryParsers.NEAR + " viewer=" + id + " d=" + radiusKm + " sfield=" + LOCATION + "}");
    params.add("fq", "{!" + QueryParsers.VIEWER_TERMS + " f=" + LANGUAGE + " viewer=" + id + " v="
        + MemberFields.LANGUAGES + "}");
  }

  /**
   * At start, on one node: asks the events core for a ranking of no rows that names a member for
   * Solr to read from the members core, as {@link #run} does, measuring from a place as event
   * search does. A Solr whose solr-config jar predates that answers "expat.viewer is missing" (or
   * lacks the events plugin), or does not report the place ({@code origin} in {@code expat_viewer}:
   * such a jar ranked from the viewer's home): the start stops, naming the jar. A Solr that does
   * not answer now, or cannot read the member yet (no members core), is asked by the first request.
   *
   * @throws ConfigException naming the jar and the configset
   */
  static void requireMemberRead(SolrIndex index, String core, String membersCore, Ranking ranking) {
    ModifiableSolrParams params = new ModifiableSolrParams();
    params.set("q", "*:*");
    params.set("rows", 0);
    params.set("rq", "{!" + QueryParsers.EVENTS + " window=1}");
    // Member 1 may or may not exist: the filters and the ranking parse either way.
    referenceMember(params, 1, 1);
    RankParams probe = ranking.probe();
    EventRankParams.params(probe.profile(), 1, membersCore, new LatLon(0, 0), probe.now()).forEach(params::set);
    QueryResponse response;
    try {
      response = index.query(core, params);
    } catch (IndexQueryException e) {
      String message = String.valueOf(e.getMessage());
      if (message.contains(RankParams.VIEWER + " is missing") || RankInSolr.lacks(e, QueryParsers.EVENTS)) {
        throw new ConfigException(RankInSolr.missing(core, QueryParsers.EVENTS + " reading the member ("
            + RankParams.VIEWER_ID + ", " + RankParams.VIEWER_CORE + ")", "a member's events"));
      }
      // Anything else (the members core not there yet, say): the first member events request tells.
      LOG.warn("Solr core {} could not read a member at start ({}); the first member events request asks again", core,
          message.lines().findFirst().orElse(""));
      return;
    } catch (IndexUnavailableException e) {
      LOG.warn("Solr core {} did not answer at start ({}); the first member events request checks the plugin", core,
          e.getMessage().lines().findFirst().orElse(""));
      return;
    }
    if (!(response.getResponse().get(RankParams.VIEWER_READ) instanceof NamedList<?> read)
        || read.get("origin") == null) {
      throw new ConfigException(RankInSolr.missing(core, QueryParsers.EVENTS + " measuring from a place ("
          + RankParams.VIEWER_ORIGIN + ")", "event search with a viewer"));
    }
  }

  /** Never an event the member goes to or hosts. */
  private static void notTheirs(ModifiableSolrParams params, long id) {
    params.add("fq", Visibility.NOT_CACHED + "-" + GOING_IDS + ":" + id + " -" + HOST_MEMBER_ID + ":" + id);
  }
}
