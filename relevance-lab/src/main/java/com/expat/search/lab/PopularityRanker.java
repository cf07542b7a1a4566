package com.expat.search.lab;


import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A non-personal baseline: the query's candidates by a popularity score, highest first (ties by
 * id). The scores come from outside, e.g. contacts per member and RSVPs per event of a generated
 * world ({@code eval run --ranker popularity} builds them from the world), or the index's
 * counts once an adapter reads them. Immutable, thread-safe.
 */
public final class PopularityRanker implements Ranker {
  private final Map<String, Double> members;
  private final Map<String, Double> events;

  /** @param members score by member id; @param events score by event id */
  public PopularityRanker(Map<String, Double> members, Map<String, Double> events) {
    this.members = Map.copyOf(members);
    this.events = Map.copyOf(events);
  }

  @Override
  public String name() {
    return "popularity";
  }

  @Override
  public List<String> rank(LabQuery query, int k) {
    if (query.candidates().isEmpty()) {
      throw new RankerException("popularity needs a candidate pool; query " + query.id() + " has none");
    }
    Map<String, Double> scores = query.type() == QueryType.MEMBER_EVENTS ? events : members;
    List<String> pool = new ArrayList<>(query.candidates());
    pool.sort(Comparator.<String>comparingDouble(id -> scores.getOrDefault(id, 0.0)).reversed().thenComparing(Comparator.naturalOrder()));
    return List.copyOf(pool.subList(0, Math.min(k, pool.size())));
  }
}
