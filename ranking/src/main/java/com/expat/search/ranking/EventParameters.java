package com.expat.search.ranking;

import java.time.Duration;
import java.util.Map;

/**
 * How a profile ranks events: a weight for every {@link EventFeature} and the features' scales.
 * Immutable.
 *
 * @param weights every event feature with a finite weight >= 0
 * @param distanceScaleKm distance at which closeness falls to 1/e, > 0
 * @param startHalfLife time to the start at which soonness counts half, > 0
 * @param contactsHalf contacts going that count half of the most, > 0
 * @param popularityHalf members going that count half of the most, > 0
 * @param comfortableSeats free places from which an event is as good as unlimited, > 0
 * @throws IllegalArgumentException naming the feature or parameter that is missing or bad
 */
public record EventParameters(
    Map<EventFeature, Double> weights,
    double distanceScaleKm,
    Duration startHalfLife,
    double contactsHalf,
    double popularityHalf,
    double comfortableSeats) {

  public EventParameters {
    weights = MemberParameters.Weights.complete(EventFeature.class, weights);
    MemberParameters.Weights.positive("distance_scale_km", distanceScaleKm);
    MemberParameters.Weights.positive("start_half_life_days", startHalfLife);
    MemberParameters.Weights.positive("contacts_half", contactsHalf);
    MemberParameters.Weights.positive("popularity_half", popularityHalf);
    MemberParameters.Weights.positive("comfortable_seats", comfortableSeats);
  }

  public double weight(EventFeature feature) {
    return weights.get(feature);
  }
}
