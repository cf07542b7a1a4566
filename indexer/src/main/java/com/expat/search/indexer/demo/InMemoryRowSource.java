package com.expat.search.indexer.demo;

import com.expat.search.indexer.generate.InMemoryWorld;
import com.expat.search.indexer.mapping.MemberDocuments;
import com.expat.search.indexer.source.RebuildSource;
import com.expat.search.indexer.source.Table;
import com.expat.search.indexer.world.Catalog;
import com.expat.search.indexer.world.EventDetails;
import com.expat.search.indexer.world.MemberProfile;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A generated world read as if it were MariaDB, so the demo's first load is an ordinary rebuild:
 * bulk cores, parallel pages, the same mapping, then the atomic switch. Immutable and
 * thread-safe once built.
 */
final class InMemoryRowSource implements RebuildSource {
  private final Catalog catalog;
  private final NavigableMap<Long, MemberProfile> members;
  private final NavigableMap<Long, EventDetails> events;
  private final Map<Integer, Integer> interestMemberCounts;
  private final Instant now;

  InMemoryRowSource(InMemoryWorld world, Instant now) {
    this.catalog = world.catalog();
    this.members = byId(world.memberProfiles(), p -> p.member().id());
    this.events = byId(world.eventDetails(), d -> d.event().id());
    this.interestMemberCounts = new HashMap<>();
    for (MemberProfile profile : members.values()) {
      if (MemberDocuments.isIndexed(profile.member())) {
        profile.interestIds().forEach(id -> interestMemberCounts.merge(id, 1, Integer::sum));
      }
    }
    this.now = now;
  }

  @Override
  public Map<Long, MemberProfile> members(Collection<Long> ids) {
    return pick(members, ids);
  }

  @Override
  public Map<Long, EventDetails> events(Collection<Long> ids) {
    return pick(events, ids);
  }

  @Override
  public Catalog catalog() {
    return catalog;
  }

  @Override
  public Map<Integer, Integer> interestMemberCounts() {
    return Map.copyOf(interestMemberCounts);
  }

  @Override
  public List<Long> ids(Table table, long afterId, int limit, Instant updatedSince) {
    NavigableMap<Long, ?> rows = table == Table.MEMBERS ? members : events;
    return rows.tailMap(afterId, false).entrySet().stream()
        .filter(row -> updatedSince == null || !updatedAt(row.getValue()).isBefore(updatedSince))
        .limit(limit)
        .map(Map.Entry::getKey)
        .toList();
  }

  @Override
  public long count(Table table) {
    return table == Table.MEMBERS ? members.size() : events.size();
  }

  @Override
  public Instant now() {
    return now;
  }

  private static Instant updatedAt(Object row) {
    return row instanceof MemberProfile profile
        ? profile.member().updatedAt()
        : ((EventDetails) row).event().updatedAt();
  }

  private static <T> NavigableMap<Long, T> byId(List<T> rows, Function<T, Long> id) {
    return rows.stream().collect(Collectors.toMap(id, Function.identity(), (a, b) -> b, TreeMap::new));
  }

  private static <T> Map<Long, T> pick(Map<Long, T> rows, Collection<Long> ids) {
    Map<Long, T> picked = new LinkedHashMap<>();
    for (Long id : ids) {
      T row = rows.get(id);
      if (row != null) {
        picked.put(id, row);
      }
    }
    return picked;
  }
}
