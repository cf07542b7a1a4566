package com.expat.search.ranking.signals;

import com.expat.search.vocabulary.Earth;

/**
 * A point on Earth in degrees. Distances are the vocabulary's {@link Earth#distanceKm}, which
 * agrees with Solr's {@code geodist}.
 *
 * @throws IllegalArgumentException when a coordinate is out of range or not a number
 */
public record LatLon(double latitude, double longitude) {
  public LatLon {
    if (!(latitude >= -90 && latitude <= 90)) {
      throw new IllegalArgumentException("latitude must be in -90..90, was " + latitude);
    }
    if (!(longitude >= -180 && longitude <= 180)) {
      throw new IllegalArgumentException("longitude must be in -180..180, was " + longitude);
    }
  }

  /** Great-circle distance to {@code other} in kilometres. */
  public double distanceKm(LatLon other) {
    return Earth.distanceKm(latitude, longitude, other.latitude, other.longitude);
  }
}
