package com.expat.search.query.catalog;

import com.expat.search.query.members.GeoPoint;
import com.expat.search.vocabulary.CitiesByLatitude;
import com.expat.search.vocabulary.Earth;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every city that has coordinates, by latitude: which lie within a radius of a point. A member's
 * {@code location} is their city's point (the indexer copies it from the city), so "members within
 * r km of the viewer's city" is "members whose {@code city_id} is one of {@link #within} r km":
 * a filter every viewer of that city shares. Distances are {@link Earth#distanceKm}, the one
 * haversine, through {@link CitiesByLatitude}. Immutable; thread-safe.
 */
public final class CityPoints {
  /** No city: every lookup is empty. */
  public static final CityPoints NONE = new CityPoints(Map.of());

  private final Map<Long, GeoPoint> points;
  private final CitiesByLatitude byLatitude;

  private CityPoints(Map<Long, GeoPoint> points) {
    this.points = Map.copyOf(points);
    Map<Long, double[]> coordinates = new HashMap<>(points.size() * 2);
    points.forEach((id, point) -> coordinates.put(id, new double[] {point.latitude(), point.longitude()}));
    this.byLatitude = CitiesByLatitude.of(coordinates);
  }

  /**
   * @param points each city's point by id (cities without coordinates are simply absent)
   */
  static CityPoints of(Map<Long, GeoPoint> points) {
    return new CityPoints(points);
  }

  /** How many cities have a point. */
  public int size() {
    return byLatitude.size();
  }

  /** The city's point; empty when the city is unknown or has no coordinates. */
  public Optional<GeoPoint> point(long cityId) {
    return Optional.ofNullable(points.get(cityId));
  }

  /** Ids of the cities within {@code radiusKm} of {@code origin} (inclusive), ascending. */
  public long[] within(GeoPoint origin, double radiusKm) {
    return byLatitude.within(origin.latitude(), origin.longitude(), radiusKm);
  }
}
