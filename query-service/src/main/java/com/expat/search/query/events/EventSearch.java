package com.expat.search.query.events;

import static com.expat.search.vocabulary.EventFields.*;

import com.expat.search.query.i18n.ItemWords;
import com.expat.search.query.members.FacetCount;
import com.expat.search.query.members.GeoPoint;
import com.expat.search.query.members.KnownMember;
import com.expat.search.query.members.Viewers;
import com.expat.search.query.ranking.Ranking;
import com.expat.search.query.search.CatalogLookup;
import com.expat.search.query.search.Labels;
import com.expat.search.query.search.Location;
import com.expat.search.query.search.TextQuery;
import com.expat.search.query.solr.SolrIndex;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.solr.client.solrj.response.FacetField.Count;
import org.apache.solr.client.solrj.response.FacetField;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.params.ModifiableSolrParams;

/**
 * Runs {@code GET /v1/events/search} against the events core. User text reaches Solr only as
 * the escaped value of {@code qq}, read by edismax with no field access; every other input is
 * validated before it is written into a filter. Thread-safe.
 */
final class EventSearch {
  static final String QUERY_FIELDS = TITLE + "^3 " + VENUE_NAME + "^1.5 " + DESCRIPTION + " text_en^0.5";
  private static final int FACET_LIMIT = 20;

  private final SolrIndex index;
  private final String core;
  private final String membersCore;
  private final Viewers viewers;
  private final CatalogLookup catalog;
  private final Ranking ranking;

  /**
   * @param core the events core
   * @param membersCore the members core, which Solr reads the viewer from on one node
   */
  EventSearch(SolrIndex index, String core, String membersCore, Viewers viewers, CatalogLookup catalog,
      Ranking ranking) {
    this.index = index;
    this.ranking = ranking;
    this.core = core;
    this.membersCore = membersCore;
    this.viewers = viewers;
    this.catalog = catalog;
  }

  /**
   * With a viewer on one Solr node ({@link Viewers#inSolr}) the events request names them and Solr
   * reads them from the members core itself, as for a member's events ({@link EventDocs.ReadInSolr}):
   * one HTTP round trip, distances from their home when no place is given (Solr tells where that
   * is). On SolrCloud the service reads the viewer first. The same ranking either way.
   *
   * @throws com.expat.search.query.http.ProblemException 404 when the viewer is not an active
   *     member; 400 for a city not known by its name (before the viewer is read, on both paths)
   * @throws com.expat.search.query.solr.IndexUnavailableException when Solr does not answer
   */
  EventPage run(EventSearchRequest request) {
    Optional<Location> location = request.location().map(catalog::resolve);
    Optional<GeoPoint> place = location.flatMap(this::pointOf);
    Optional<EventDocs.ReadInSolr> readInSolr = request.viewer().filter(id -> viewers.inSolr())
        .map(id -> new EventDocs.ReadInSolr(id, "viewer", membersCore, place));
    Optional<KnownMember> viewer = readInSolr.isPresent() ? Optional.empty()
        : request.viewer().map(id -> viewers.directory().require(id, "viewer"));
    // Known before the request unless Solr reads the viewer and there is no place (then Solr tells).
    Optional<GeoPoint> origin = place.or(() -> viewer.flatMap(KnownMember::location));

    ModifiableSolrParams params = new ModifiableSolrParams();
    EventDocs.upcoming(params);
    origin.ifPresent(point -> {
      params.set("sfield", LOCATION);
      params.set("pt", point.solr());
    });
    boolean text = !request.q().isEmpty();
    if (text) {
      TextQuery.set(params, request.q(), QUERY_FIELDS, catalog.interestNamed(request.q()),
          catalog.cityNamed(request.q()));
    }

    location.ifPresent(where -> {
      if (where instanceof Location.Near near) {
        EventDocs.geofilt(params, near.point(), near.radiusKm());
      } else if (where instanceof Location.InCity city) {
        if (city.radiusKm().isPresent() && place.isPresent()) {
          EventDocs.geofilt(params, place.get(), city.radiusKm().get());
        } else {
          params.add("fq", CITY_ID + ":" + city.cityId());
        }
      }
    });
    if (request.from().isPresent() || request.to().isPresent()) {
      params.add("fq", STARTS_AT + ":[" + request.from().map(Instant::toString).orElse("*") + " TO "
          + request.to().map(Instant::toString).orElse("*") + "]");
    }
    filterAny(params, "lang", LANGUAGE, request.languages());
    filterAny(params, "interest", INTERESTS, request.interests());

    if (!request.facets().isEmpty()) {
      params.set("facet", true);
      params.set("facet.limit", FACET_LIMIT);
      params.set("facet.mincount", 1);
      request.facets().forEach(facet -> params.add("facet.field", facet.solrField()));
    }
    boolean byScore = request.sort() == EventSort.RELEVANCE;
    ItemWords words = new ItemWords(request.locale(), catalog::interestNames, catalog::cityNames);
    EventDocs.Ranked answer = readInSolr.isPresent()
        ? EventDocs.ranked(index, core, params, request.page(), request.size(), byScore, text, ranking,
            request.profile(), request.weights(), readInSolr.get(), request.explain(), words)
        : EventDocs.ranked(index, core, params, request.page(), request.size(), byScore, text, ranking,
            request.profile(), request.weights(), Ranking.viewer(viewer, place), origin, request.explain(), words);
    return new EventPage(
        answer.response().getResults().getNumFound(),
        request.page(),
        request.size(),
        answer.items(),
        request.facets().isEmpty() ? null : facets(request, answer.response()));
  }

  private Optional<GeoPoint> pointOf(Location location) {
    if (location instanceof Location.Near near) {
      return Optional.of(near.point());
    }
    return catalog.cityLocation(((Location.InCity) location).cityId());
  }

  private static void filterAny(ModifiableSolrParams params, String name, String field, List<String> values) {
    if (values.isEmpty()) {
      return;
    }
    params.add("fq", "{!terms f=" + field + " v=$filter_" + name + "}");
    params.set("filter_" + name, String.join(",", values));
  }

  private Map<String, List<FacetCount>> facets(EventSearchRequest request, QueryResponse response) {
    Map<String, List<FacetCount>> result = new LinkedHashMap<>();
    for (EventFacet facet : EventFacet.values()) {
      if (!request.facets().contains(facet)) {
        continue;
      }
      FacetField counts = response.getFacetField(facet.solrField());
      List<Count> values = counts == null || counts.getValues() == null ? List.of() : counts.getValues();
      List<String> keys = values.stream().map(Count::getName).toList();
      Map<String, String> labels = switch (facet) {
        case CITY -> catalog.cityNames(keys, request.locale());
        case INTEREST -> catalog.interestNames(keys, request.locale());
        case LANGUAGE -> Labels.languages(keys, request.locale());
      };
      result.put(facet.apiName(), values.stream()
          .map(count -> new FacetCount(count.getName(), labels.get(count.getName()), count.getCount()))
          .toList());
    }
    return result;
  }
}
