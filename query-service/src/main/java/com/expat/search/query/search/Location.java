package com.expat.search.query.search;

import com.expat.search.query.members.GeoPoint;
import java.util.Optional;

/** Where a search looks: members of a city, or within a radius of a point. */
public sealed interface Location {

  /**
   * Members living in {@code cityId}; with a radius, members within it of the city's centre.
   */
  record InCity(long cityId, Optional<Double> radiusKm) implements Location {}

  record Near(GeoPoint point, double radiusKm) implements Location {}
}
