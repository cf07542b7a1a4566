package com.expat.search.ranking;

import com.expat.search.ranking.features.LevelWeights;
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
}
