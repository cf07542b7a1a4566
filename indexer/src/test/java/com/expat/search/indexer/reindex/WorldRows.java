package com.expat.search.indexer.reindex;

import com.expat.search.indexer.generate.InMemoryWorld;
import com.expat.search.indexer.source.RebuildSource;
import com.expat.search.indexer.source.Table;
import com.expat.search.indexer.world.Catalog;
import com.expat.search.indexer.world.EventDetails;
import com.expat.search.indexer.world.MemberProfile;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The first {@code members} members of a generated world, read as if from MariaDB. The
 * {@code duringBulkLoad} action runs once, when the rebuild asks for the member ids of its bulk
 * load: after it created the build index and waited for live indexers, before it writes.
 */
final class WorldRows implements RebuildSource {
  private final InMemoryWorld world;
  private final NavigableMap<Long, MemberProfile> members = new TreeMap<>();
  private final Instant now;
  private final Runnable duringBulkLoad;
  private final AtomicBoolean ran = new AtomicBoolean();

  WorldRows(InMemoryWorld world, int members, Instant now, Runnable duringBulkLoad) {
    this.world = world;
    world.memberProfiles().stream().limit(members).forEach(profile -> this.members.put(profile.member().id(), profile));
    this.now = now;
    this.duringBulkLoad = duringBulkLoad;
  }

  @Override
  public Map<Long, MemberProfile> members(Collection<Long> ids) {
    Map<Long, MemberProfile> found = new LinkedHashMap<>();
    ids.forEach(id -> {
      if (members.containsKey(id)) {
        found.put(id, members.get(id));
      }
    });
    return found;
  }

  @Override
  public Map<Long, EventDetails> events(Collection<Long> ids) {
    throw new UnsupportedOperationException("members only");
  }

  @Override
  public Catalog catalog() {
    return world.catalog();
  }

  @Override
  public Map<Integer, Integer> interestMemberCounts() {
    return Map.of();
  }

  @Override
  public List<Long> ids(Table table, long afterId, int limit, Instant updatedSince) {
    if (table != Table.MEMBERS) {
      throw new UnsupportedOperationException("members only");
    }
    if (updatedSince == null && ran.compareAndSet(false, true)) {
      duringBulkLoad.run();
    }
    return members.tailMap(afterId, false).values().stream()
        .filter(profile -> updatedSince == null || !profile.member().updatedAt().isBefore(updatedSince))
        .limit(limit).map(profile -> profile.member().id()).toList();
  }

  @Override
  public long count(Table table) {
    return members.size();
  }

  @Override
  public Instant now() {
    return now;
  }
}
