package com.expat.search.solr.functions;

import java.util.Arrays;
import java.util.List;

/**
 * The parameters of {@code expat_member_prerank} and the arithmetic on one candidate's values,
 * apart from Lucene so that it reads (and is tested) as the formula it is. Field names are the
 * members core's ({@code MemberFields} in {@code common}).
 *
 * @param slugs interests whose presence adds the weight at the same index
 */
record MemberPrerank(long now, double distanceWeight, double latitude, double longitude, double scaleKm,
    double activityWeight, double activityRate, double newnessWeight, double newnessRate,
    double qualityWeight, List<String> slugs, double[] interestWeights) {
  static final String LOCATION = "location";
  static final String INTERESTS = "interests";
  static final String LAST_ACTIVE_AT = "last_active_at";
  static final String CREATED_AT = "created_at";
  static final String PROFILE_QUALITY = "profile_quality";
  /** Lucene's {@code GeoUtils.EARTH_MEAN_RADIUS_METERS}, as {@code geodist} and the Java ranker use. */
  static final double EARTH_MEAN_RADIUS_KM = 6371.0087714;

  MemberPrerank {
    slugs = List.copyOf(slugs);
    interestWeights = interestWeights.clone();
    if (slugs.size() != interestWeights.length) {
      throw new IllegalArgumentException(slugs.size() + " interests, " + interestWeights.length + " weights");
    }
  }

  /**
   * {@code exp(-km / scale)} from the origin to a point, haversine on the mean Earth radius: the
   * formula of the ranking module's {@code LatLon.distanceKm} and {@code DistanceDecay}, written
   * again here because this jar runs inside Solr and does not depend on the ranking module.
   */
  double closeness(double lat, double lon) {
    double dLat = Math.toRadians(lat - latitude);
    double dLon = Math.toRadians(lon - longitude);
    double sinLat = Math.sin(dLat / 2);
    double sinLon = Math.sin(dLon / 2);
    double a = sinLat * sinLat
        + Math.cos(Math.toRadians(latitude)) * Math.cos(Math.toRadians(lat)) * sinLon * sinLon;
    double km = 2 * EARTH_MEAN_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    return Math.exp(-km / scaleKm);
  }

  /** {@code exp(max(now - since, 0) * rate)}: 1 now, 0.5 one half-life ago. */
  double decay(long since, double rate) {
    return Math.exp(Math.max(now - since, 0) * rate);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MemberPrerank other && now == other.now
        && Double.compare(distanceWeight, other.distanceWeight) == 0
        && Double.compare(latitude, other.latitude) == 0 && Double.compare(longitude, other.longitude) == 0
        && Double.compare(scaleKm, other.scaleKm) == 0
        && Double.compare(activityWeight, other.activityWeight) == 0
        && Double.compare(activityRate, other.activityRate) == 0
        && Double.compare(newnessWeight, other.newnessWeight) == 0
        && Double.compare(newnessRate, other.newnessRate) == 0
        && Double.compare(qualityWeight, other.qualityWeight) == 0
        && slugs.equals(other.slugs) && Arrays.equals(interestWeights, other.interestWeights);
  }

  @Override
  public int hashCode() {
    int result = Long.hashCode(now);
    for (double value : new double[] {distanceWeight, latitude, longitude, scaleKm, activityWeight,
        activityRate, newnessWeight, newnessRate, qualityWeight}) {
      result = 31 * result + Double.hashCode(value);
    }
    return 31 * (31 * result + slugs.hashCode()) + Arrays.hashCode(interestWeights);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(MemberPrerankParser.NAME).append('(').append(now);
    for (double value : new double[] {distanceWeight, latitude, longitude, scaleKm, activityWeight,
        activityRate, newnessWeight, newnessRate, qualityWeight}) {
      text.append(',').append(value);
    }
    for (int i = 0; i < slugs.size(); i++) {
      text.append(",'").append(slugs.get(i)).append("',").append(interestWeights[i]);
    }
    return text.append(')').toString();
  }
}
