package com.expat.search.bench.lab.sim;

import com.expat.search.indexer.generate.InMemoryWorld;
import com.expat.search.indexer.world.City;
import com.expat.search.indexer.world.Event;
import com.expat.search.indexer.world.EventDetails;
import com.expat.search.indexer.world.Interest;
import com.expat.search.indexer.world.Member;
import com.expat.search.indexer.world.MemberProfile;
import com.expat.search.indexer.world.SpokenLanguage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The lab's view of a generated world: active members with a known city, upcoming published
 * events with their place, interest clusters (the taxonomy's categories), and popularity counts
 * for the popularity baseline. Built from the same rows the indexer indexes, so ids match the
 * index of the same {@code WorldSpec}. Immutable.
 */
public final class LabWorld {
  private final List<LabMember> members;
  private final Map<Long, LabMember> byId;
  private final List<LabEvent> events;
  private final Instant now;
  private final Map<String, Double> memberPopularity;
  private final Map<String, Double> eventPopularity;

  public LabWorld(List<LabMember> members, List<LabEvent> events, Instant now,
      Map<String, Double> memberPopularity, Map<String, Double> eventPopularity) {
    this.members = List.copyOf(members);
    this.byId = this.members.stream().collect(Collectors.toUnmodifiableMap(LabMember::id, m -> m));
    this.events = List.copyOf(events);
    this.now = now;
    this.memberPopularity = Map.copyOf(memberPopularity);
    this.eventPopularity = Map.copyOf(eventPopularity);
  }

  public static LabWorld of(InMemoryWorld world, Instant now) {
    Map<Long, City> cities = new HashMap<>();
    world.catalog().cities().forEach(c -> cities.put(c.id(), c));
    List<String> categories = world.catalog().interests().stream().map(Interest::category).distinct().sorted().toList();
    Map<Integer, Integer> clusterOf = new HashMap<>();
    world.catalog().interests().forEach(i -> clusterOf.put(i.id(), categories.indexOf(i.category())));
    List<LabMember> members = new ArrayList<>();
    Map<String, Double> memberPopularity = new TreeMap<>();
    for (MemberProfile profile : world.memberProfiles()) {
      Member member = profile.member();
      City city = cities.get(member.cityId());
      if (member.status() != Member.Status.ACTIVE || city == null) {
        continue;
      }
      members.add(new LabMember(member.id(), city.latitude(), city.longitude(), member.originCountry(),
          profile.languages().stream().map(SpokenLanguage::code).collect(Collectors.toSet()),
          shares(profile.interestIds(), clusterOf, categories.size()), new HashSet<>(profile.interestIds()),
          member.createdAt(), city.population(), member.searchable(),
          new HashSet<>(profile.contactIds()), new HashSet<>(profile.blockedIds())));
      memberPopularity.put(String.valueOf(member.id()), (double) profile.contactIds().size());
    }
    List<LabEvent> events = new ArrayList<>();
    Map<String, Double> eventPopularity = new TreeMap<>();
    for (EventDetails details : world.eventDetails()) {
      Event event = details.event();
      City city = cities.get(event.cityId());
      if (event.status() != Event.Status.PUBLISHED || city == null || !event.endsAt().isAfter(now)) {
        continue;
      }
      Set<Long> attendees = new HashSet<>(details.goingIds());
      attendees.addAll(details.interestedIds());
      events.add(new LabEvent(event.id(),
          event.latitude() == null ? city.latitude() : event.latitude(),
          event.longitude() == null ? city.longitude() : event.longitude(),
          event.language(), shares(details.interestIds(), clusterOf, categories.size()), event.startsAt(), attendees,
          event.hostMemberId()));
      eventPopularity.put(String.valueOf(event.id()), (double) details.goingIds().size());
    }
    return new LabWorld(members, events, now, memberPopularity, eventPopularity);
  }

  private static double[] shares(List<Integer> interestIds, Map<Integer, Integer> clusterOf, int clusters) {
    double[] shares = new double[clusters];
    int known = 0;
    for (int id : interestIds) {
      Integer cluster = clusterOf.get(id);
      if (cluster != null && cluster >= 0) {
        shares[cluster]++;
        known++;
      }
    }
    for (int i = 0; i < clusters && known > 0; i++) {
      shares[i] /= known;
    }
    return shares;
  }

  public List<LabMember> members() {
    return members;
  }

  public LabMember member(long id) {
    return byId.get(id);
  }

  public List<LabEvent> events() {
    return events;
  }

  public Instant now() {
    return now;
  }

  /** Contacts per member id: the popularity baseline's scores for members. */
  public Map<String, Double> memberPopularity() {
    return memberPopularity;
  }

  /** RSVPs "going" per event id. */
  public Map<String, Double> eventPopularity() {
    return eventPopularity;
  }
}
