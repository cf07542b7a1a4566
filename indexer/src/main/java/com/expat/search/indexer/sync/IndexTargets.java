package com.expat.search.indexer.sync;

import com.expat.search.indexer.solr.CoreNames;
import com.expat.search.indexer.solr.IndexAdmin;
import com.expat.search.indexer.solr.IndexAdminException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cores a change is written to: the live core of its entity, plus every build core a nightly
 * rebuild has created for it ({@link CoreNames#buildPrefix}), found by {@link IndexAdmin#cores()}
 * (the node's loaded cores, or on SolrCloud its aliases and unaliased collections) at most once
 * per {@code refresh}. The rebuild waits longer than {@code refresh} after creating a
 * build core before it reads MariaDB, so every change read after that is written to both.
 */
final class IndexTargets {
  private static final Logger LOG = LoggerFactory.getLogger(IndexTargets.class);

  private final IndexAdmin admin;
  private final String membersCore;
  private final String eventsCore;
  private final Duration refresh;
  private final Clock clock;
  private final Set<String> forgotten = ConcurrentHashMap.newKeySet();
  private volatile List<String> buildCores = List.of();
  private volatile Instant listedAt = Instant.MIN;

  IndexTargets(IndexAdmin admin, String membersCore, String eventsCore, Duration refresh, Clock clock) {
    this.admin = admin;
    this.membersCore = membersCore;
    this.eventsCore = eventsCore;
    this.refresh = refresh;
    this.clock = clock;
  }

  String live(Entity entity) {
    return entity == Entity.MEMBER ? membersCore : eventsCore;
  }

  /** The build cores of {@code entity} currently known. */
  List<String> builds(Entity entity) {
    refreshIfDue();
    String prefix = CoreNames.buildPrefix(live(entity));
    List<String> builds = new ArrayList<>();
    for (String core : buildCores) {
      if (core.startsWith(prefix) && !forgotten.contains(core)) {
        builds.add(core);
      }
    }
    return builds;
  }

  /** A build core that went away (switched, renamed or dropped): stop writing to it. */
  void forget(String core) {
    forgotten.add(core);
  }

  private void refreshIfDue() {
    Instant now = clock.instant();
    if (now.isBefore(listedAt.plus(refresh))) {
      return;
    }
    try {
      List<String> found = new ArrayList<>();
      for (String core : admin.cores()) {
        if (core.startsWith(CoreNames.buildPrefix(membersCore))
            || core.startsWith(CoreNames.buildPrefix(eventsCore))) {
          found.add(core);
        }
      }
      forgotten.retainAll(found);
      if (!found.equals(buildCores)) {
        LOG.info("build cores now {}", found);
      }
      buildCores = List.copyOf(found);
      listedAt = now;
    } catch (IndexAdminException e) {
      // Solr is unreachable: the write to the live core will fail too and the batch is retried.
      LOG.debug("cannot list cores: {}", e.getMessage());
    }
  }
}
