package com.expat.search.vocabulary;

/**
 * Distances on Earth, as every process computes them: great-circle (haversine) on the mean Earth
 * radius that Lucene and Solr use, so that a distance computed in Java agrees with Solr's
 * {@code geodist} to well under a metre. Stateless; coordinates in degrees, not checked (callers
 * validate their points).
 */
public final class Earth {
  /** Lucene's {@code GeoUtils.EARTH_MEAN_RADIUS_METERS} in kilometres. */
  public static final double MEAN_RADIUS_KM = 6371.0087714;

  private Earth() {}

  /** Great-circle distance in kilometres between two points given in degrees. */
  public static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
    double sinLat = Math.sin(Math.toRadians(lat2 - lat1) / 2);
    double sinLon = Math.sin(Math.toRadians(lon2 - lon1) / 2);
    double a = sinLat * sinLat + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * sinLon * sinLon;
    return 2 * MEAN_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
  }
}
