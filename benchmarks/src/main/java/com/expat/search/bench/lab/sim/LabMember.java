package com.expat.search.bench.lab.sim;

import java.time.Instant;
import java.util.Set;

/**
 * What the lab knows of a member: only what the member revealed in their profile (and what the
 * index holds), never a ranker's features or scores.
 *
 * @param clusters the member's declared interests as a share per interest cluster (category),
 *     summing to 1, or all zero without interests
 * @param cityPopulation population of the member's city (0 unknown)
 */
public record LabMember(
    long id, double latitude, double longitude, String origin, Set<String> languages, double[] clusters,
    Set<Integer> interestIds, Instant createdAt, int cityPopulation, boolean searchable,
    Set<Long> contacts, Set<Long> blocked) {

  public LabMember {
    languages = Set.copyOf(languages);
    clusters = clusters.clone();
    interestIds = Set.copyOf(interestIds);
    contacts = Set.copyOf(contacts);
    blocked = Set.copyOf(blocked);
  }

  public boolean sharesLanguage(Set<String> others) {
    return others.stream().anyMatch(languages::contains);
  }
}
