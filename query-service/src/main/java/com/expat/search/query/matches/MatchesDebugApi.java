package com.expat.search.query.matches;

import com.expat.search.common.solr.IndexNames;
import com.expat.search.query.catalog.Catalog;
import com.expat.search.query.http.Json;
import com.expat.search.query.http.QueryParams;
import com.expat.search.query.http.Routes;
import com.expat.search.query.members.MemberDirectory;
import com.expat.search.query.ranking.CustomWeights;
import com.expat.search.query.ranking.Ranking;
import com.expat.search.query.ranking.WeightsParam;
import com.expat.search.query.solr.SolrIndex;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.OptionalLong;

/**
 * {@code GET /debug/members/{id}/matches/why-not/{member}}: which rule of the matches query keeps
 * {@code member} out of {@code id}'s matches ({@link WhyNotShown}); {@code radius_km}, {@code profile}
 * and {@code weights} as on matches. It reveals blocks and contacts,
 * so it is added only with {@code DEBUG_ENDPOINTS=on} (default off); never enable it on an
 * instance the website or the internet can reach (docs/contract-additions.md). Never cached.
 */
public final class MatchesDebugApi implements Routes {
  public static final String PATH = "/debug/members/{id}/matches/why-not/{member}";

  private final Json json;
  private final WhyNotShown whyNot;
  private final Ranking ranking;

  public MatchesDebugApi(Json json, SolrIndex index, IndexNames cores, Catalog cities, Ranking ranking) {
    this.json = json;
    this.ranking = ranking;
    this.whyNot = new WhyNotShown(index, cores.members(), new MemberDirectory(index, cores.members()), cities, ranking);
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.get(PATH, this::handle);
  }

  private void handle(Context ctx) {
    QueryParams params = QueryParams.of(ctx);
    OptionalLong viewer = params.idValue("id", ctx.pathParam("id"));
    OptionalLong member = params.idValue("member", ctx.pathParam("member"));
    double radius = params.decimal("radius_km", 1, 1000).orElse(MatchesRequest.DEFAULT_RADIUS_KM);
    String profile = ranking.params().profile(params);
    CustomWeights weights = ranking.params().weights(params, WeightsParam.Features.MEMBERS);
    params.throwIfInvalid();
    ctx.header("Cache-Control", "no-store");
    json.write(ctx, 200, whyNot.explain(viewer.getAsLong(), member.getAsLong(), radius, profile, weights));
  }
}
