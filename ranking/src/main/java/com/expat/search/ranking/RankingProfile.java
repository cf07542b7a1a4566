package com.expat.search.ranking;

import com.expat.search.ranking.features.LevelWeights;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A named set of weights and scales: what {@code profile=} selects. Immutable and thread-safe.
 * Usually loaded by {@link RankingProfiles}; constructing one directly validates it the same way.
 *
 * @param name snake- or kebab-case name, e.g. {@code default}, {@code local-first}
 * @param description one line for people; never null
 */
public record RankingProfile(
    String name,
    String description,
    MemberParameters members,
    EventParameters events,
    LevelWeights languageLevels,
    DiversityParameters diversity) {

  public RankingProfile {
    Objects.requireNonNull(name, "name");
    description = description == null ? "" : description;
    Objects.requireNonNull(members, "members");
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(languageLevels, "languageLevels");
    Objects.requireNonNull(diversity, "diversity");
  }

  /**
   * This profile with some member weights replaced (a request's custom weights); every other
   * weight and scale unchanged. An empty map returns this profile.
   *
   * @throws IllegalArgumentException for a weight that is negative or not finite
   */
  public RankingProfile withMemberWeights(Map<MemberFeature, Double> overrides) {
    if (overrides.isEmpty()) {
      return this;
    }
    EnumMap<MemberFeature, Double> weights = new EnumMap<>(members.weights());
    weights.putAll(overrides);
    MemberParameters changed = new MemberParameters(weights, members.distanceScaleKm(), members.activityHalfLife(),
        members.newnessHalfLife());
    return new RankingProfile(name, description, changed, events, languageLevels, diversity);
  }

  /**
   * This profile with some event weights replaced (a request's custom weights); every other
   * weight and scale unchanged. An empty map returns this profile.
   *
   * @throws IllegalArgumentException for a weight that is negative or not finite
   */
  public RankingProfile withEventWeights(Map<EventFeature, Double> overrides) {
    if (overrides.isEmpty()) {
      return this;
    }
    EnumMap<EventFeature, Double> weights = new EnumMap<>(events.weights());
    weights.putAll(overrides);
    EventParameters changed = new EventParameters(weights, events.distanceScaleKm(), events.startHalfLife(),
        events.contactsHalf(), events.popularityHalf(), events.comfortableSeats());
    return new RankingProfile(name, description, members, changed, languageLevels, diversity);
  }
}
