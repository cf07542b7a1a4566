package com.expat.search.query.search;

import static com.expat.search.common.solr.MemberFields.*;

import com.expat.search.query.members.FacetCount;
import com.expat.search.query.members.GeoPoint;
import com.expat.search.query.members.KnownMember;
import com.expat.search.query.members.MemberDirectory;
import com.expat.search.query.members.MemberDocs;
import com.expat.search.query.members.MemberItem;
import com.expat.search.query.members.MemberPage;
import com.expat.search.query.members.Visibility;
import com.expat.search.query.ranking.MemberRanking;
import com.expat.search.query.ranking.RankingContext;
import com.expat.search.query.ranking.RankingPlan;
import com.expat.search.query.solr.QueryText;
import com.expat.search.query.solr.SolrIndex;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.solr.client.solrj.response.FacetField.Count;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.params.ModifiableSolrParams;

/**
 * Runs {@code GET /v1/members/search} against the members core. User text reaches Solr only as
 * the value of {@code qq}, escaped, read by edismax with no field access ({@code uf=-*}); every
 * other input is validated before it is written into a filter. Thread-safe.
 */
public final class MemberSearch {
  /** Name, then headline and occupation, then bio; the English-stemmed copy helps a little. */
  static final String QUERY_FIELDS =
      DISPLAY_NAME + "^3 " + HEADLINE + "^1.5 " + OCCUPATION + "^1.5 " + BIO + " text_en^0.5";
  private static final int FACET_LIMIT = 20;

  private final SolrIndex index;
  private final String core;
  private final MemberDirectory directory;
  private final CatalogLookup catalog;
  private final MemberRanking ranking;

  MemberSearch(SolrIndex index, String core, MemberDirectory directory, CatalogLookup catalog,
      MemberRanking ranking) {
    this.index = index;
    this.core = core;
    this.directory = directory;
    this.catalog = catalog;
    this.ranking = ranking;
  }

  /**
   * @throws com.expat.search.query.http.ProblemException 404 when the viewer is not an active
   *     member
   * @throws com.expat.search.query.solr.IndexUnavailableException when Solr does not answer
   */
  public MemberPage run(MemberSearchRequest request) {
    Optional<KnownMember> viewer = request.viewer().map(id -> directory.require(id, "viewer"));
    Optional<GeoPoint> place = request.location().flatMap(this::pointOf);
    Optional<GeoPoint> origin = place.or(() -> viewer.flatMap(KnownMember::location));

    ModifiableSolrParams params = new ModifiableSolrParams();
    MemberDocs.ITEM_FIELDS.forEach(field -> params.add("fl", field));
    params.add("fl", "score");
    origin.ifPresent(point -> {
      params.set("sfield", LOCATION);
      params.set("pt", point.solr());
    });

    RankingPlan plan = ranking.search(context(viewer, origin));
    boolean text = !request.q().isEmpty();
    if (text) {
      params.set("q", "{!edismax v=$qq}");
      params.set("qq", QueryText.escape(request.q()));
      params.set("qf", QUERY_FIELDS);
      params.set("uf", "-*");
      params.set("mm", "100%");
      params.set("sow", true);
      plan.applyAsBoosts(params);
    } else {
      plan.applyAsScore(params);
    }

    Visibility.onlySearchable(params);
    viewer.ifPresent(v -> Visibility.hideFrom(params, v));
    request.location().ifPresent(location -> filterLocation(params, location, place));
    filterAny(params, "lang", LANGUAGES, request.languages());
    filterAny(params, "interest", INTERESTS, request.interests());
    filterAny(params, "origin", ORIGIN_COUNTRY, request.origins());

    params.set("sort", sort(request.sort(), origin.isPresent()));
    params.set("start", (request.page() - 1) * request.size());
    params.set("rows", request.size());
    if (!request.facets().isEmpty()) {
      params.set("facet", true);
      params.set("facet.limit", FACET_LIMIT);
      params.set("facet.mincount", 1);
      request.facets().forEach(facet -> params.add("facet.field", facet.solrField()));
    }

    QueryResponse response = index.query(core, params);
    List<MemberItem> items = new ArrayList<>();
    for (SolrDocument doc : response.getResults()) {
      double score = ((Number) doc.getFirstValue("score")).doubleValue();
      Map<String, Double> explain = request.explain() ? plan.explain(doc, score, text) : null;
      items.add(MemberDocs.item(doc, score, origin, explain));
    }
    return new MemberPage(
        response.getResults().getNumFound(),
        request.page(),
        request.size(),
        items,
        request.facets().isEmpty() ? null : facets(request, response));
  }

  private Optional<GeoPoint> pointOf(Location location) {
    if (location instanceof Location.Near near) {
      return Optional.of(near.point());
    }
    return catalog.cityLocation(((Location.InCity) location).cityId());
  }

  private static RankingContext context(Optional<KnownMember> viewer, Optional<GeoPoint> origin) {
    if (viewer.isEmpty()) {
      return RankingContext.anonymous(origin);
    }
    KnownMember v = viewer.get();
    return new RankingContext(
        origin,
        v.cityId(),
        v.languages(),
        v.interests().stream().distinct().collect(Collectors.toMap(Function.identity(), slug -> 1.0)));
  }

  private static void filterLocation(
      ModifiableSolrParams params, Location location, Optional<GeoPoint> place) {
    if (location instanceof Location.Near near) {
      geofilt(params, near.point(), near.radiusKm());
    } else if (location instanceof Location.InCity city) {
      if (city.radiusKm().isPresent() && place.isPresent()) {
        geofilt(params, place.get(), city.radiusKm().get());
      } else {
        params.add("fq", CITY_ID + ":" + city.cityId());
      }
    }
  }

  private static void geofilt(ModifiableSolrParams params, GeoPoint point, double radiusKm) {
    params.add("fq", "{!geofilt sfield=" + LOCATION + " pt=" + point.solr() + " d="
        + String.format(Locale.ROOT, "%.3f", radiusKm) + "}");
  }

  /** Has any of {@code values} (already validated); passed by reference, never parsed. */
  private static void filterAny(ModifiableSolrParams params, String name, String field, List<String> values) {
    if (values.isEmpty()) {
      return;
    }
    params.add("fq", "{!terms f=" + field + " v=$filter_" + name + "}");
    params.set("filter_" + name, String.join(",", values));
  }

  private static String sort(SortOrder order, boolean hasOrigin) {
    return switch (order) {
      case DISTANCE -> hasOrigin ? "geodist() asc,score desc" : "score desc," + LAST_ACTIVE_AT + " desc";
      case RECENT -> LAST_ACTIVE_AT + " desc,score desc";
      case RELEVANCE -> "score desc," + LAST_ACTIVE_AT + " desc";
    };
  }

  private Map<String, List<FacetCount>> facets(MemberSearchRequest request, QueryResponse response) {
    Map<String, List<FacetCount>> result = new LinkedHashMap<>();
    for (FacetField facet : FacetField.values()) {
      if (!request.facets().contains(facet)) {
        continue;
      }
      org.apache.solr.client.solrj.response.FacetField counts = response.getFacetField(facet.solrField());
      List<Count> values = counts == null || counts.getValues() == null ? List.of() : counts.getValues();
      List<String> keys = values.stream().map(Count::getName).toList();
      Map<String, String> labels = labels(facet, keys);
      result.put(facet.apiName(), values.stream()
          .map(count -> new FacetCount(count.getName(), labels.get(count.getName()), count.getCount()))
          .toList());
    }
    return result;
  }

  private Map<String, String> labels(FacetField facet, List<String> keys) {
    return switch (facet) {
      case CITY -> catalog.cityNames(keys);
      case INTEREST -> catalog.interestNames(keys);
      case LANGUAGE -> Labels.languages(keys);
      case ORIGIN -> Labels.countries(keys);
    };
  }
}
