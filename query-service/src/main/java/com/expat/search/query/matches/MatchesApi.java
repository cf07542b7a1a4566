package com.expat.search.query.matches;

import com.expat.search.common.solr.IndexNames;
import com.expat.search.query.catalog.Catalog;
import com.expat.search.query.cache.Cached;
import com.expat.search.query.cache.ResponseCache;
import com.expat.search.query.http.CacheHeader;
import com.expat.search.query.http.Json;
import com.expat.search.query.http.QueryParams;
import com.expat.search.query.http.Routes;
import com.expat.search.query.members.Viewers;
import com.expat.search.query.members.MemberPage;
import com.expat.search.query.ranking.Ranking;
import com.expat.search.query.search.CatalogLookup;
import com.expat.search.query.solr.SolrIndex;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** {@code GET /v1/members/{id}/matches}. */
public final class MatchesApi implements Routes {
  public static final String PATH = "/v1/members/{id}/matches";

  private final Json json;
  private final Matches matches;
  private final ResponseCache<MatchesRequest, MemberPage> cache;
  private final Ranking ranking;

  public MatchesApi(
      Json json,
      SolrIndex index,
      IndexNames cores,
      Ranking ranking,
      ResponseCache<MatchesRequest, MemberPage> cache,
      Viewers viewers,
      CatalogLookup catalog,
      Catalog cities) {
    this.json = json;
    this.cache = cache;
    this.matches = new Matches(
        index,
        cores.members(),
        viewers,
        catalog,
        cities,
        ranking);
    this.ranking = ranking;
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.get(PATH, this::handle);
  }

  private void handle(Context ctx) {
    MatchesRequest request = MatchesRequest.parse(ctx.pathParam("id"), QueryParams.of(ctx), ranking.params());
    Cached<MemberPage> answer = cache.get(request, matches::run);
    CacheHeader.set(ctx, answer);
    json.writeAnswer(ctx, answer.value(), answer.hit());
  }
}
