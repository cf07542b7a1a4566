package com.expat.search.query.search;

import static com.expat.search.vocabulary.CatalogFields.LOCATION;
import static com.expat.search.vocabulary.CatalogFields.NAME;

import com.expat.search.query.members.GeoPoint;
import com.expat.search.query.solr.SolrIndex;
import com.expat.search.vocabulary.CatalogFields;
import com.expat.search.vocabulary.MemberFields;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.params.ModifiableSolrParams;

/**
 * Names and places from the catalog core: facet labels of cities and interests, and a city's
 * coordinates. Looked up in batches (one Solr request for all missing keys) and kept in process;
 * city names and interest names change rarely. Thread-safe.
 */
public final class CatalogLookup {
  private final SolrIndex index;
  private final String catalogCore;
  private final String membersCore;
  private final Cache<String, Optional<String>> labels;
  private final Cache<Long, Optional<GeoPoint>> cityLocations;

  public CatalogLookup(SolrIndex index, String catalogCore, String membersCore, Duration ttl, Ticker ticker) {
    this.index = index;
    this.catalogCore = catalogCore;
    this.membersCore = membersCore;
    this.labels = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(50_000).ticker(ticker).build();
    this.cityLocations =
        Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(50_000).ticker(ticker).build();
  }

  /** Names of these cities by id; ids with no catalog entry are left out. */
  public Map<String, String> cityNames(Collection<String> cityIds) {
    return names("city:", cityIds);
  }

  /** Names of these interests by slug; slugs with no catalog entry are left out. */
  public Map<String, String> interestNames(Collection<String> slugs) {
    return names("interest:", slugs);
  }

  /**
   * The city's coordinates: from its catalog document, else from any member living there; empty
   * when neither knows.
   */
  public Optional<GeoPoint> cityLocation(long cityId) {
    return cityLocations.get(cityId, this::loadCityLocation);
  }

  private Map<String, String> names(String prefix, Collection<String> keys) {
    List<String> ids = keys.stream().map(key -> prefix + key).toList();
    Map<String, Optional<String>> found = labels.getAll(ids, this::loadNames);
    Map<String, String> result = new HashMap<>();
    found.forEach((id, name) -> name.ifPresent(n -> result.put(id.substring(prefix.length()), n)));
    return result;
  }

  private Map<String, Optional<String>> loadNames(java.util.Set<? extends String> ids) {
    Map<String, Optional<String>> result = new HashMap<>();
    ids.forEach(id -> result.put(id, Optional.empty()));
    for (SolrDocument doc : index.get(catalogCore, List.copyOf(ids), CatalogFields.ID, NAME)) {
      Object name = doc.getFirstValue(NAME);
      result.put(doc.getFirstValue(CatalogFields.ID).toString(),
          name == null ? Optional.empty() : Optional.of(name.toString()));
    }
    return result;
  }

  private Optional<GeoPoint> loadCityLocation(long cityId) {
    Optional<GeoPoint> fromCatalog =
        index.get(catalogCore, "city:" + cityId, CatalogFields.ID, LOCATION)
            .flatMap(doc -> GeoPoint.parse(doc.getFirstValue(LOCATION)));
    if (fromCatalog.isPresent()) {
      return fromCatalog;
    }
    ModifiableSolrParams params = new ModifiableSolrParams();
    params.set("q", MemberFields.CITY_ID + ":" + cityId);
    params.set("fl", MemberFields.LOCATION);
    params.set("rows", 10);
    return index.query(membersCore, params).getResults().stream()
        .map(doc -> GeoPoint.parse(doc.getFirstValue(MemberFields.LOCATION)))
        .flatMap(Optional::stream)
        .findFirst();
  }
}
