package com.expat.search.query.catalog;

import com.expat.search.query.members.GeoPoint;
import com.expat.search.vocabulary.Earth;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every city that has coordinates, by latitude: which lie within a radius of a point. A member's
 * {@code location} is their city's point (the indexer copies it from the city), so "members within
 * r km of the viewer's city" is "members whose {@code city_id} is one of {@link #within} r km":
 * a filter every viewer of that city shares. Distances are {@link Earth#distanceKm}, the one
 * haversine. Immutable; thread-safe.
 */
public final class CityPoints {
  /** Kilometres per degree of latitude on the mean Earth: no two points nearer in latitude are further apart. */
  private static final double KM_PER_DEGREE = Earth.MEAN_RADIUS_KM * Math.PI / 180;

  /** No city: every lookup is empty. */
  public static final CityPoints NONE = new CityPoints(new long[0], new double[0], new double[0]);

  private final long[] ids;
  private final double[] latitudes;
  private final double[] longitudes;
  private final Map<Long, Integer> indexOfId;

  private CityPoints(long[] ids, double[] latitudes, double[] longitudes) {
    this.ids = ids;
    this.latitudes = latitudes;
    this.longitudes = longitudes;
    this.indexOfId = new HashMap<>(ids.length * 2);
    for (int i = 0; i < ids.length; i++) {
      indexOfId.put(ids[i], i);
    }
  }

  /**
   * @param points each city's point by id (cities without coordinates are simply absent)
   */
  static CityPoints of(Map<Long, GeoPoint> points) {
    Long[] byLatitude = points.keySet().toArray(Long[]::new);
    Arrays.sort(byLatitude, (a, b) -> {
      int order = Double.compare(points.get(a).latitude(), points.get(b).latitude());
      return order != 0 ? order : Long.compare(a, b);
    });
    long[] ids = new long[byLatitude.length];
    double[] latitudes = new double[ids.length];
    double[] longitudes = new double[ids.length];
    for (int i = 0; i < ids.length; i++) {
      GeoPoint point = points.get(byLatitude[i]);
      ids[i] = byLatitude[i];
      latitudes[i] = point.latitude();
      longitudes[i] = point.longitude();
    }
    return new CityPoints(ids, latitudes, longitudes);
  }

  /** How many cities have a point. */
  public int size() {
    return ids.length;
  }

  /** The city's point; empty when the city is unknown or has no coordinates. */
  public Optional<GeoPoint> point(long cityId) {
    Integer at = indexOfId.get(cityId);
    return at == null ? Optional.empty() : Optional.of(new GeoPoint(latitudes[at], longitudes[at]));
  }

  /** Ids of the cities within {@code radiusKm} of {@code origin} (inclusive), ascending. */
  public long[] within(GeoPoint origin, double radiusKm) {
    // A hair wider than the bound, so that rounding never drops a city the haversine keeps.
    double band = radiusKm / KM_PER_DEGREE + 1e-9;
    int from = firstAtOrAbove(origin.latitude() - band);
    long[] found = new long[16];
    int count = 0;
    for (int i = from; i < ids.length && latitudes[i] <= origin.latitude() + band; i++) {
      if (Earth.distanceKm(origin.latitude(), origin.longitude(), latitudes[i], longitudes[i]) <= radiusKm) {
        if (count == found.length) {
          found = Arrays.copyOf(found, count * 2);
        }
        found[count++] = ids[i];
      }
    }
    long[] result = Arrays.copyOf(found, count);
    Arrays.sort(result);
    return result;
  }

  private int firstAtOrAbove(double latitude) {
    int low = 0;
    int high = latitudes.length;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (latitudes[middle] < latitude) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }
}
