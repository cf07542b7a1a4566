package com.expat.search.query.search;

import static com.expat.search.vocabulary.CatalogFields.NAME;

import com.expat.search.query.catalog.Catalog;
import com.expat.search.query.http.InvalidParam;
import com.expat.search.query.http.ProblemException;
import com.expat.search.query.i18n.Folding;
import com.expat.search.query.i18n.LocalLabel;
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
 * Names and places from the catalog core: facet labels of cities and interests, cities and
 * interests named in a search text, and a city's coordinates. Names and coordinates come from the
 * {@link Catalog}'s one reading of the whole core, so a new search text or city costs no catalog
 * request; labels are looked up in batches (one Solr request for all missing keys) and kept for the
 * catalog's TTL: city names and interest names change rarely. Thread-safe.
 */
public final class CatalogLookup {
  /** Longer texts are searches, not interest names (the longest name has five words). */
  private static final int MAX_NAME_WORDS = 5;

  private final SolrIndex index;
  private final Catalog catalog;
  private final String catalogCore;
  private final String membersCore;
  private final Cache<String, Optional<Named>> labels;
  /** Points of cities the catalog has none for, from their members' documents. */
  private final Cache<Long, Optional<GeoPoint>> pointsFromMembers;

  /**
   * @param catalog the catalog core's names and points
   * @param catalogCore the same core, for labels
   * @param membersCore where the point of a city the catalog does not place is looked for
   */
  public CatalogLookup(SolrIndex index, Catalog catalog, String catalogCore, String membersCore, Duration ttl,
      Ticker ticker) {
    this.index = index;
    this.catalog = catalog;
    this.catalogCore = catalogCore;
    this.membersCore = membersCore;
    this.labels = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(50_000).ticker(ticker).build();
    this.pointsFromMembers =
        Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(50_000).ticker(ticker).build();
  }

  /** A catalog entry's name and its {@code language:name} labels. */
  private record Named(String name, List<String> labels) {}

  /**
   * Names of these cities by id in {@code language}, else English ({@link LocalLabel}); ids with
   * no catalog entry are left out.
   */
  public Map<String, String> cityNames(Collection<String> cityIds, String language) {
    return names("city:", cityIds, language);
  }

  /** Names of these interests by slug in {@code language}, else English; unknown slugs are left out. */
  public Map<String, String> interestNames(Collection<String> slugs, String language) {
    return names("interest:", slugs, language);
  }

  /**
   * {@code location} with a city name replaced by the city: the most populous city one of whose
   * names (in any language) is the given one, ignoring case and accents.
   *
   * @throws ProblemException 400 naming {@code city} when no city has that name
   */
  public Location resolve(Location location) {
    if (!(location instanceof Location.NamedCity named)) {
      return location;
    }
    Optional<Long> id = cityId(String.join(" ", Folding.words(named.name())));
    if (id.isEmpty()) {
      throw ProblemException.badRequest(List.of(new InvalidParam("city",
          "no city is known by the name '" + named.name() + "'; give its id or another of its names")));
    }
    return new Location.InCity(id.get(), named.radiusKm());
  }

  /**
   * The id of the most populous city one of whose names, in any language, is the whole of {@code
   * text}; empty for anything else.
   */
  public Optional<Long> cityNamed(String text) {
    List<String> words = Folding.words(text);
    if (words.isEmpty() || words.size() > MAX_NAME_WORDS) {
      return Optional.empty();
    }
    return cityId(String.join(" ", words));
  }

  private Optional<Long> cityId(String folded) {
    return catalog.snapshot().cityNamed(folded);
  }

  /**
   * The slug of the interest one of whose names or synonyms, in any language, is the whole of
   * {@code text} (case and accents ignored); empty for anything else, such as most searches.
   */
  public Optional<String> interestNamed(String text) {
    List<String> words = Folding.words(text);
    if (words.isEmpty() || words.size() > MAX_NAME_WORDS) {
      return Optional.empty();
    }
    return catalog.snapshot().interestNamed(String.join(" ", words));
  }

  /**
   * The city's coordinates: from the catalog, else (a city added since the catalog was last
   * rebuilt) from any member living there; empty when neither knows.
   */
  public Optional<GeoPoint> cityLocation(long cityId) {
    Optional<GeoPoint> fromCatalog = catalog.snapshot().cityPoint(cityId);
    return fromCatalog.isPresent() ? fromCatalog : pointsFromMembers.get(cityId, this::pointFromMembers);
  }

  private Map<String, String> names(String prefix, Collection<String> keys, String language) {
    if (keys.isEmpty()) {
      return Map.of();
    }
    List<String> ids = keys.stream().map(key -> prefix + key).toList();
    Map<String, Optional<Named>> found = labels.getAll(ids, this::loadNames);
    Map<String, String> result = new HashMap<>();
    found.forEach((id, named) -> named.ifPresent(n ->
        result.put(id.substring(prefix.length()), LocalLabel.pick(n.labels(), language, n.name()))));
    return result;
  }

  private Map<String, Optional<Named>> loadNames(java.util.Set<? extends String> ids) {
    Map<String, Optional<Named>> result = new HashMap<>();
    ids.forEach(id -> result.put(id, Optional.empty()));
    for (SolrDocument doc : index.get(catalogCore, List.copyOf(ids), CatalogFields.ID, NAME, CatalogFields.LABELS)) {
      Object name = doc.getFirstValue(NAME);
      Collection<Object> labels = doc.getFieldValues(CatalogFields.LABELS);
      result.put(doc.getFirstValue(CatalogFields.ID).toString(), name == null ? Optional.empty()
          : Optional.of(new Named(name.toString(),
              labels == null ? List.of() : labels.stream().map(String::valueOf).toList())));
    }
    return result;
  }

  private Optional<GeoPoint> pointFromMembers(long cityId) {
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
