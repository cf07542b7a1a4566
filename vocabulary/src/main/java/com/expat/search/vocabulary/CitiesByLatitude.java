package com.expat.search.vocabulary;

import java.util.Arrays;
import java.util.Map;

/**
 * Cities with their points, sorted by latitude: which lie within a radius of a point (the band of
 * latitudes the radius can reach, then {@link Earth#distanceKm}, the one haversine, inclusive). The
 * query service's catalog ({@code CityPoints}) and the Solr plugin's radius filter ({@code
 * NearViewer}) both ask it, so the two ways of reading the viewer's radius give the same cities.
 * Immutable; thread-safe.
 */
public final class CitiesByLatitude {
  /** Kilometres per degree of latitude on the mean Earth: no two points nearer in latitude are further apart. */
  private static final double KM_PER_DEGREE = Earth.MEAN_RADIUS_KM * Math.PI / 180;

  private final long[] ids;
  private final double[] latitudes;
  private final double[] longitudes;

  private CitiesByLatitude(long[] ids, double[] latitudes, double[] longitudes) {
    this.ids = ids;
    this.latitudes = latitudes;
    this.longitudes = longitudes;
  }

  /** @param points each city's {latitude, longitude} in degrees, by id */
  public static CitiesByLatitude of(Map<Long, double[]> points) {
    Long[] order = points.keySet().toArray(Long[]::new);
    Arrays.sort(order, (a, b) -> {
      int byLatitude = Double.compare(points.get(a)[0], points.get(b)[0]);
      return byLatitude != 0 ? byLatitude : Long.compare(a, b);
    });
    long[] ids = new long[order.length];
    double[] latitudes = new double[ids.length];
    double[] longitudes = new double[ids.length];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = order[i];
      latitudes[i] = points.get(order[i])[0];
      longitudes[i] = points.get(order[i])[1];
    }
    return new CitiesByLatitude(ids, latitudes, longitudes);
  }

  /** How many cities have a point. */
  public int size() {
    return ids.length;
  }

  /** Ids of the cities within {@code radiusKm} of the point (inclusive), ascending. */
  public long[] within(double latitude, double longitude, double radiusKm) {
    // A hair wider than the bound, so that rounding never drops a city the haversine keeps.
    double band = radiusKm / KM_PER_DEGREE + 1e-9;
    long[] found = new long[16];
    int count = 0;
    for (int i = firstAtOrAbove(latitude - band); i < ids.length && latitudes[i] <= latitude + band; i++) {
      if (Earth.distanceKm(latitude, longitude, latitudes[i], longitudes[i]) <= radiusKm) {
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
