package com.expat.search.ranking.signals;

/**
 * A point on Earth in degrees. Distances are great-circle (haversine) on the mean Earth radius
 * that Lucene and Solr use ({@value #EARTH_MEAN_RADIUS_KM} km), so that a distance computed here
 * agrees with Solr's {@code geodist} to well under a metre.
 *
 * @throws IllegalArgumentException when a coordinate is out of range or not a number
 */
public record LatLon(double latitude, double longitude) {
  /** Lucene's {@code GeoUtils.EARTH_MEAN_RADIUS_METERS} in kilometres. */
  public static final double EARTH_MEAN_RADIUS_KM = 6371.0087714;

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
    double dLat = Math.toRadians(other.latitude - latitude);
    double dLon = Math.toRadians(other.longitude - longitude);
    double sinLat = Math.sin(dLat / 2);
    double sinLon = Math.sin(dLon / 2);
    double a = sinLat * sinLat
        + Math.cos(Math.toRadians(latitude)) * Math.cos(Math.toRadians(other.latitude)) * sinLon * sinLon;
    return 2 * EARTH_MEAN_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
  }
}
