package com.expat.search.query.search;

import com.expat.search.common.solr.IndexNames;
import com.expat.search.query.cache.Cached;
import com.expat.search.query.cache.ResponseCache;
import com.expat.search.query.http.CacheHeader;
import com.expat.search.query.http.Json;
import com.expat.search.query.http.QueryParams;
import com.expat.search.query.http.Routes;
import com.expat.search.query.members.Viewers;
import com.expat.search.query.members.MemberPage;
import com.expat.search.query.ranking.Ranking;
import com.expat.search.query.solr.SolrIndex;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** {@code GET /v1/members/search}: parse, answer from the cache or Solr, write. */
public final class MemberSearchApi implements Routes {
  public static final String PATH = "/v1/members/search";

  private final Json json;
  private final MemberSearch search;
  private final ResponseCache<MemberSearchRequest, MemberPage> cache;
  private final Ranking ranking;

  public MemberSearchApi(
      Json json,
      SolrIndex index,
      IndexNames cores,
      Ranking ranking,
      ResponseCache<MemberSearchRequest, MemberPage> cache,
      Viewers viewers,
      CatalogLookup catalog) {
    this.json = json;
    this.cache = cache;
    this.ranking = ranking;
    this.search = new MemberSearch(index, cores.members(), viewers, catalog, ranking);
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.get(PATH, this::handle);
  }

  private void handle(Context ctx) {
    MemberSearchRequest request = MemberSearchRequest.parse(QueryParams.of(ctx), ranking.params());
    Cached<MemberPage> answer = cache.get(request, search::run);
    CacheHeader.set(ctx, answer);
    json.writeAnswer(ctx, answer.value(), answer.hit());
  }
}
