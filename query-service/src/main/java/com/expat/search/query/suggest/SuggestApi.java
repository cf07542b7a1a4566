package com.expat.search.query.suggest;

import com.expat.search.common.solr.IndexNames;
import com.expat.search.query.cache.Cached;
import com.expat.search.query.cache.ResponseCache;
import com.expat.search.query.http.CacheHeader;
import com.expat.search.query.http.Json;
import com.expat.search.query.http.QueryParams;
import com.expat.search.query.http.Routes;
import com.expat.search.query.members.MemberDirectory;
import com.expat.search.query.solr.SolrIndex;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** {@code GET /v1/suggest}. */
public final class SuggestApi implements Routes {
  public static final String PATH = "/v1/suggest";

  private final Json json;
  private final Suggest suggest;
  private final ResponseCache<SuggestRequest, Suggestions> cache;

  public SuggestApi(Json json, SolrIndex index, IndexNames cores, MemberDirectory directory,
      ResponseCache<SuggestRequest, Suggestions> cache) {
    this.json = json;
    this.suggest = new Suggest(index, cores.catalog(), cores.members(), directory);
    this.cache = cache;
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.get(PATH, this::handle);
  }

  private void handle(Context ctx) {
    SuggestRequest request = SuggestRequest.parse(QueryParams.of(ctx));
    Cached<Suggestions> answer = cache.get(request, suggest::run);
    CacheHeader.set(ctx, answer);
    json.writeAnswer(ctx, answer.value(), answer.hit());
  }
}
