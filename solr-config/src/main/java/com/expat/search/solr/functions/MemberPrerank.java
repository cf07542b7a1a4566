package com.expat.search.solr.functions;

import com.expat.search.vocabulary.Earth;
import java.util.Arrays;
import java.util.List;

/**
 * The parameters of {@code expat_member_prerank} and the arithmetic on one candidate's values,
 * apart from Lucene so that it reads (and is tested) as the formula it is. Field names are the
 * vocabulary's {@code MemberFields}.
 *
 * @param slugs interests whose presence adds the weight at the same index
 */
record MemberPrerank(long now, double distanceWeight, double latitude, double longitude, double scaleKm,
    double activityWeight, double activityRate, double newnessWeight, double newnessRate,
    double qualityWeight, List<String> slugs, double[] interestWeights) {
  MemberPrerank {
    slugs = List.copyOf(slugs);
    interestWeights = interestWeights.clone();
    if (slugs.size() != interestWeights.length) {
      throw new IllegalArgumentException(slugs.size() + " interests, " + interestWeights.length + " weights");
    }
  }

  /**
   * {@code exp(-km / scale)} from the origin to a point, the great-circle distance of the
   * vocabulary's {@link Earth} (as the ranking module's {@code LatLon} and {@code geodist}).
   */
  double closeness(double lat, double lon) {
    return Math.exp(-Earth.distanceKm(latitude, longitude, lat, lon) / scaleKm);
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
