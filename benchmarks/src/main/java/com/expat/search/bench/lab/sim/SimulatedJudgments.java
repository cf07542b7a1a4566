package com.expat.search.bench.lab.sim;

import com.expat.search.lab.JudgmentSet;
import com.expat.search.lab.LabQuery;
import com.expat.search.lab.QueryType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Graded judgments from simulated outcomes. For "matches for X" the pool is what the contract
 * makes eligible (searchable, active, within the radius of X's city, sharing a language, not X,
 * not a contact, not blocked either way), so the metrics measure ordering, not filtering; every
 * pool member is graded by {@link OutcomeSimulator#matchGrade}. For "events for X" the pool is
 * upcoming published events within the radius and {@code days}, in a language X speaks, that X
 * does not attend yet and does not host (the service never proposes one's own events); graded by {@link OutcomeSimulator#eventGrade}. Pools larger than
 * {@code poolSize} are sampled (seeded). Queries whose pool holds nothing relevant are skipped.
 *
 * <p>Segments: {@code new_member} (joined within 30 days), {@code big_city} (population of a
 * million or more), {@code small_town} (under 100,000), else {@code mid_city}.
 */
public final class SimulatedJudgments {
  private final LabWorld world;
  private final OutcomeSimulator simulator;
  private final long seed;

  public SimulatedJudgments(LabWorld world, OutcomeSimulator simulator, long seed) {
    this.world = world;
    this.simulator = simulator;
    this.seed = seed;
  }

  public JudgmentSet build(String name, int matchQueries, int eventQueries, int poolSize, double radiusKm, int days) {
    Random random = new Random(seed);
    List<LabMember> askers = new ArrayList<>(world.members());
    Collections.shuffle(askers, random);
    List<LabQuery> queries = new ArrayList<>();
    int matches = 0;
    int events = 0;
    for (LabMember member : askers) {
      if (matches >= matchQueries && events >= eventQueries) {
        break;
      }
      if (matches < matchQueries) {
        LabQuery query = matches(member, poolSize, radiusKm, random);
        if (query != null) {
          queries.add(query);
          matches++;
        }
      }
      if (events < eventQueries) {
        LabQuery query = events(member, poolSize, radiusKm, days, random);
        if (query != null) {
          queries.add(query);
          events++;
        }
      }
    }
    return new JudgmentSet(name,
        "simulated outcomes (seed " + seed + ") for " + matches + " matches and " + events + " member-events queries", 3, queries);
  }

  private LabQuery matches(LabMember member, int poolSize, double radiusKm, Random random) {
    List<LabMember> pool = new ArrayList<>();
    for (LabMember other : world.members()) {
      if (other.id() != member.id() && other.searchable() && !member.contacts().contains(other.id())
          && !member.blocked().contains(other.id()) && !other.blocked().contains(member.id())
          && member.sharesLanguage(other.languages()) && Geo.km(member, other) <= radiusKm) {
        pool.add(other);
      }
    }
    pool = sample(pool, poolSize, random);
    Map<String, Integer> judgments = new TreeMap<>();
    for (LabMember candidate : pool) {
      judgments.put(String.valueOf(candidate.id()), simulator.matchGrade(member, candidate));
    }
    return query("matches-" + member.id(), QueryType.MATCHES, member, judgments, radiusKm);
  }

  private LabQuery events(LabMember member, int poolSize, double radiusKm, int days, Random random) {
    List<LabEvent> pool = new ArrayList<>();
    var until = world.now().plus(Duration.ofDays(days));
    for (LabEvent event : world.events()) {
      if (event.startsAt().isAfter(world.now()) && event.startsAt().isBefore(until)
          && member.languages().contains(event.language()) && !event.attendees().contains(member.id())
          && event.hostId() != member.id()
          && Geo.km(member, event) <= radiusKm) {
        pool.add(event);
      }
    }
    pool = sample(pool, poolSize, random);
    Map<String, Integer> judgments = new TreeMap<>();
    for (LabEvent event : pool) {
      int contactsGoing = (int) event.attendees().stream().filter(member.contacts()::contains).count();
      judgments.put(String.valueOf(event.id()), simulator.eventGrade(member, event, contactsGoing));
    }
    return query("events-" + member.id(), QueryType.MEMBER_EVENTS, member, judgments, radiusKm);
  }

  private LabQuery query(String id, QueryType type, LabMember member, Map<String, Integer> judgments, double radiusKm) {
    if (judgments.values().stream().noneMatch(g -> g > 0)) {
      return null;
    }
    List<String> segments = new ArrayList<>();
    if (member.createdAt().isAfter(world.now().minus(Duration.ofDays(30)))) {
      segments.add("new_member");
    }
    segments.add(member.cityPopulation() >= 1_000_000 ? "big_city" : member.cityPopulation() < 100_000 ? "small_town" : "mid_city");
    return new LabQuery(id, type, member.id(), Map.of("radius_km", String.valueOf(radiusKm)), segments,
        List.copyOf(judgments.keySet()), judgments);
  }

  private static <T> List<T> sample(List<T> pool, int size, Random random) {
    if (pool.size() <= size) {
      return pool;
    }
    List<T> copy = new ArrayList<>(pool);
    Collections.shuffle(copy, random);
    return copy.subList(0, size);
  }
}
