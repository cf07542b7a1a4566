package com.expat.search.query.matches;

import com.expat.search.query.members.GeoPoint;
import com.expat.search.query.solr.SolrIndex;
import com.expat.search.vocabulary.CatalogFields;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.solr.common.params.ModifiableSolrParams;

/**
 * The catalog's city points ({@link CityPoints}), read from the catalog core in one pass and kept
 * for {@code ttl} (the catalog changes only when it is rebuilt). Thread-safe.
 */
public final class NearbyCities {
  private static final int PAGE = 10_000;

  private final SolrIndex index;
  private final String catalogCore;
  private final LoadingCache<Boolean, CityPoints> points;

  /**
   * @param catalogCore the catalog core or alias, whose {@code city} documents are read
   * @param ttl how long one reading of the catalog is used
   */
  public NearbyCities(SolrIndex index, String catalogCore, Duration ttl, Ticker ticker) {
    this.index = index;
    this.catalogCore = catalogCore;
    this.points = Caffeine.newBuilder().expireAfterWrite(ttl).ticker(ticker).maximumSize(1).build(key -> load());
  }

  /**
   * The cities with coordinates as the catalog holds them now (at most {@code ttl} old).
   *
   * @throws com.expat.search.query.solr.IndexUnavailableException when the catalog cannot be read
   */
  CityPoints points() {
    return points.get(Boolean.TRUE);
  }

  private CityPoints load() {
    Map<Long, GeoPoint> found = new HashMap<>();
    ModifiableSolrParams params = new ModifiableSolrParams();
    params.set("q", CatalogFields.TYPE + ":city");
    params.set("fl", CatalogFields.ENTITY_ID + "," + CatalogFields.LOCATION);
    params.set("sort", CatalogFields.ID + " asc");
    index.forEach(catalogCore, params, PAGE, doc -> {
      if (doc.getFirstValue(CatalogFields.ENTITY_ID) instanceof Number number) {
        GeoPoint.parse(doc.getFirstValue(CatalogFields.LOCATION)).ifPresent(point -> found.put(number.longValue(), point));
      }
    });
    return CityPoints.of(found);
  }
}
