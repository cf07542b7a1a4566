package com.expat.search.query.search;

import static com.expat.search.vocabulary.MemberFields.*;

import com.expat.search.query.i18n.ItemWords;
import com.expat.search.query.members.FacetCount;
import com.expat.search.query.members.GeoPoint;
import com.expat.search.query.members.KnownMember;
import com.expat.search.query.members.Viewers;
import com.expat.search.query.members.MemberPage;
import com.expat.search.query.members.Visibility;
import com.expat.search.query.ranking.MembersInSolr;
import com.expat.search.query.ranking.Ranking;
import com.expat.search.query.solr.Decimals;
import com.expat.search.query.solr.SolrIndex;
import com.expat.search.ranking.RankingProfile;
import com.expat.search.ranking.solr.RankParams;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.solr.client.solrj.response.FacetField.Count;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.params.ModifiableSolrParams;

/**
 * Runs {@code GET /v1/members/search} against the members core. User text reaches Solr only as
 * the value of {@code qq}, escaped, read by edismax with no field access ({@code uf=-*}); every
 * other input is validated before it is written into a filter. Ranked inside Solr in one request
 * in every order ({@link MembersInSolr}): in relevance order the whole model ranks the best window
 * (the pre-rank's order beyond the largest window); {@code sort=recent|distance} keep their own
 * order and the model scores the page. A Solr without the plugin is a 503. Thread-safe.
 */
public final class MemberSearch {
  /** Name, then headline and occupation, then bio; the English-stemmed copy helps a little. */
  static final String QUERY_FIELDS =
      DISPLAY_NAME + "^3 " + HEADLINE + "^1.5 " + OCCUPATION + "^1.5 " + BIO + " text_en^0.5";
  private static final int FACET_LIMIT = 20;

  private final SolrIndex index;
  private final String core;
  private final Viewers viewers;
  private final CatalogLookup catalog;
  private final Ranking ranking;

  MemberSearch(SolrIndex index, String core, Viewers viewers, CatalogLookup catalog,
      Ranking ranking) {
    this.index = index;
    this.core = core;
    this.viewers = viewers;
    this.catalog = catalog;
    this.ranking = ranking;
  }

  /**
   * @throws com.expat.search.query.http.ProblemException 404 when the viewer is not an active
   *     member
   * @throws com.expat.search.query.solr.IndexUnavailableException when Solr does not answer
   */
  public MemberPage run(MemberSearchRequest request) {
    Optional<Location> location = request.location().map(catalog::resolve);
    Optional<GeoPoint> place = location.flatMap(this::pointOf);
    // Solr reads the viewer inside the request (Viewers), unless the order hangs on where the
    // viewer lives (nearest first without a place: relevance when they have no point).
    Optional<Long> readInSolr = request.viewer()
        .filter(id -> viewers.inSolr() && (place.isPresent() || request.sort() != SortOrder.DISTANCE));
    Optional<KnownMember> viewer = readInSolr.isPresent() ? Optional.empty()
        : request.viewer().map(id -> viewers.directory().require(id, "viewer"));
    Optional<GeoPoint> origin = place.or(() -> viewer.flatMap(KnownMember::location));
    RankingProfile profile = ranking.forMembers(request.profile(), request.weights());

    ModifiableSolrParams params = new ModifiableSolrParams();
    origin.ifPresent(point -> {
      params.set("sfield", LOCATION);
      params.set("pt", point.solr());
    });
    boolean text = !request.q().isEmpty();
    if (text) {
      TextQuery.set(params, request.q(), QUERY_FIELDS, catalog.interestNamed(request.q()),
          catalog.cityNamed(request.q()));
    }

    Visibility.onlySearchable(params);
    viewer.ifPresent(v -> Visibility.hideFrom(params, v));
    readInSolr.ifPresent(id -> Visibility.hideFrom(params, id));
    location.ifPresent(where -> filterLocation(params, where, place));
    filterAny(params, "lang", LANGUAGES, request.languages());
    filterAny(params, "interest", INTERESTS, request.interests());
    filterAny(params, "origin", ORIGIN_COUNTRY, request.origins());

    boolean byScore = request.sort() == SortOrder.RELEVANCE || origin.isEmpty() && request.sort() == SortOrder.DISTANCE;
    setFacets(params, request);
    ItemWords words = new ItemWords(request.locale(), catalog::interestNames, catalog::cityNames);
    MembersInSolr.Order order = byScore ? MembersInSolr.Order.relevance(request.page(), request.size())
        : request.sort() == SortOrder.RECENT ? MembersInSolr.Order.RECENT : MembersInSolr.Order.DISTANCE;
    MembersInSolr.Shape shape =
        new MembersInSolr.Shape(request.page(), request.size(), text, false, request.explain(), order);
    MembersInSolr.Page ranked = readInSolr.isPresent()
        ? MembersInSolr.page(index, core, params, shape,
            RankParams.params(profile, readInSolr.get(), place.map(GeoPoint::latLon).orElse(null), ranking.now()),
            ranking, response -> {
              Optional<GeoPoint> home = Viewers.requireRead(response, readInSolr.get(), "viewer");
              return place.isPresent() ? place : home;
            }, words)
        : MembersInSolr.page(index, core, params, shape,
            new RankParams(profile, Ranking.viewer(viewer, place), ranking.now()).params(), ranking, response -> origin,
            words);
    return new MemberPage(ranked.total(), request.page(), request.size(), ranked.items(),
        request.facets().isEmpty() ? null : facets(request, ranked.response()));
  }

  private static void setFacets(ModifiableSolrParams params, MemberSearchRequest request) {
    if (!request.facets().isEmpty()) {
      params.set("facet", true);
      params.set("facet.limit", FACET_LIMIT);
      params.set("facet.mincount", 1);
      request.facets().forEach(facet -> params.add("facet.field", facet.solrField()));
    }
  }

  private Optional<GeoPoint> pointOf(Location location) {
    if (location instanceof Location.Near near) {
      return Optional.of(near.point());
    }
    return catalog.cityLocation(((Location.InCity) location).cityId());
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
        + Decimals.fixed(radiusKm, 3) + "}");
  }

  /** Has any of {@code values} (already validated); passed by reference, never parsed. */
  private static void filterAny(ModifiableSolrParams params, String name, String field, List<String> values) {
    if (values.isEmpty()) {
      return;
    }
    params.add("fq", "{!terms f=" + field + " v=$filter_" + name + "}");
    params.set("filter_" + name, String.join(",", values));
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
      Map<String, String> labels = labels(facet, keys, request.locale());
      result.put(facet.apiName(), values.stream()
          .map(count -> new FacetCount(count.getName(), labels.get(count.getName()), count.getCount()))
          .toList());
    }
    return result;
  }

  private Map<String, String> labels(FacetField facet, List<String> keys, String language) {
    return switch (facet) {
      case CITY -> catalog.cityNames(keys, language);
      case INTEREST -> catalog.interestNames(keys, language);
      case LANGUAGE -> Labels.languages(keys, language);
      case ORIGIN -> Labels.countries(keys, language);
    };
  }
}
