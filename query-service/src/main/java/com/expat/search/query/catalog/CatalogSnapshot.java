package com.expat.search.query.catalog;

import com.expat.search.query.members.GeoPoint;
import com.expat.search.vocabulary.CatalogFields;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.solr.common.SolrDocument;

/**
 * One reading of the whole catalog core: every name of every city and interest ({@link
 * CatalogNames}) and every city's point ({@link CityPoints}), so that recognising a place or an
 * interest in a search text, a city's coordinates and the cities within a radius cost no request.
 * Immutable; thread-safe.
 */
public final class CatalogSnapshot {
  private final CatalogNames names;
  private final CityPoints points;

  private CatalogSnapshot(CatalogNames names, CityPoints points) {
    this.names = names;
    this.points = points;
  }

  /** The fields {@link #of} reads from each catalog document. */
  static String fields() {
    return CatalogNames.fields() + "," + CatalogFields.LOCATION;
  }

  /**
   * @param docs catalog documents with the {@link #fields()}; a city without a parsable {@code
   *     location} has names but no point
   */
  static CatalogSnapshot of(Iterable<SolrDocument> docs) {
    Map<Long, GeoPoint> points = new HashMap<>();
    for (SolrDocument doc : docs) {
      if ("city".equals(doc.getFirstValue(CatalogFields.TYPE))
          && doc.getFirstValue(CatalogFields.ENTITY_ID) instanceof Number id) {
        GeoPoint.parse(doc.getFirstValue(CatalogFields.LOCATION)).ifPresent(point -> points.put(id.longValue(), point));
      }
    }
    return new CatalogSnapshot(CatalogNames.of(docs), CityPoints.of(points));
  }

  /** Every city with coordinates, for radius filters. */
  public CityPoints points() {
    return points;
  }

  /** The city's coordinates; empty when the catalog does not know the city or it has none. */
  public Optional<GeoPoint> cityPoint(long cityId) {
    return points.point(cityId);
  }

  /**
   * The id of the most populous city one of whose names, in any language, is {@code folded}
   * (already folded words, space-joined).
   */
  public Optional<Long> cityNamed(String folded) {
    return names.city(folded);
  }

  /** The slug of the interest one of whose names or synonyms, in any language, is {@code folded}. */
  public Optional<String> interestNamed(String folded) {
    return names.interest(folded);
  }
}
