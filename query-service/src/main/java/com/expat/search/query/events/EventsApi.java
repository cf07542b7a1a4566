package com.expat.search.query.events;

import com.expat.search.common.solr.IndexNames;
import com.expat.search.query.cache.Cached;
import com.expat.search.query.cache.ResponseCache;
import com.expat.search.query.http.CacheHeader;
import com.expat.search.query.http.Json;
import com.expat.search.query.http.QueryParams;
import com.expat.search.query.http.Routes;
import com.expat.search.query.members.Viewers;
import com.expat.search.query.ranking.Ranking;
import com.expat.search.query.ranking.RankingParams;
import com.expat.search.query.search.CatalogLookup;
import com.expat.search.query.solr.SolrIndex;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** {@code GET /v1/events/search} and {@code GET /v1/members/{id}/events}. */
public final class EventsApi implements Routes {
  public static final String SEARCH_PATH = "/v1/events/search";
  public static final String MEMBER_PATH = "/v1/members/{id}/events";

  private final Json json;
  private final EventSearch search;
  private final MemberEvents memberEvents;
  private final ResponseCache<EventSearchRequest, EventPage> searchCache;
  private final ResponseCache<MemberEventsRequest, EventPage> memberCache;
  private final RankingParams rankingParams;

  public EventsApi(
      Json json,
      SolrIndex index,
      IndexNames cores,
      Viewers viewers,
      CatalogLookup catalog,
      Ranking ranking,
      ResponseCache<EventSearchRequest, EventPage> searchCache,
      ResponseCache<MemberEventsRequest, EventPage> memberCache) {
    this.json = json;
    this.search = new EventSearch(index, cores.events(), cores.members(), viewers, catalog, ranking);
    this.memberEvents = new MemberEvents(index, cores.events(), cores.members(), viewers, catalog, ranking);
    this.rankingParams = ranking.params();
    this.searchCache = searchCache;
    this.memberCache = memberCache;
  }

  /**
   * At start, on one Solr node (where {@link Viewers#inSolr}): whether the events core can read a
   * member from the members core inside the ranked request, as a member's events and event search
   * with a viewer ask it to, and measure from a place, as event search does.
   *
   * @throws com.expat.search.common.config.ConfigException naming the jar when Solr's plugin predates it
   */
  public static void requireMemberReadInSolr(SolrIndex index, IndexNames cores, Ranking ranking) {
    MemberEvents.requireMemberRead(index, cores.events(), cores.members(), ranking);
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.get(SEARCH_PATH, this::search);
    routes.get(MEMBER_PATH, this::forMember);
  }

  private void search(Context ctx) {
    EventSearchRequest request = EventSearchRequest.parse(QueryParams.of(ctx), rankingParams);
    Cached<EventPage> answer = searchCache.get(request, search::run);
    CacheHeader.set(ctx, answer);
    json.writeAnswer(ctx, answer.value(), answer.hit());
  }

  private void forMember(Context ctx) {
    MemberEventsRequest request = MemberEventsRequest.parse(ctx.pathParam("id"), QueryParams.of(ctx), rankingParams);
    Cached<EventPage> answer = memberCache.get(request, memberEvents::run);
    CacheHeader.set(ctx, answer);
    json.writeAnswer(ctx, answer.value(), answer.hit());
  }
}
