package com.expat.search.indexer.sync;

import com.expat.search.indexer.mapping.EventDocuments;
import com.expat.search.indexer.mapping.IndexChange;
import com.expat.search.indexer.mapping.MemberDocuments;
import com.expat.search.indexer.solr.IndexWriteException;
import com.expat.search.indexer.solr.SearchIndex;
import com.expat.search.indexer.source.RowReader;
import com.expat.search.indexer.world.Catalog;
import com.expat.search.vocabulary.InvalidationNotice;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.apache.solr.common.SolrException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One batch, end to end except the acknowledgement: read the rows the batch names with a few
 * set-based queries, map them, write each core in one update, make it visible. Passing failures
 * (MariaDB, Solr) are thrown and the caller retries the whole batch, which is idempotent. A row
 * that can never be indexed (the mapping or Solr refuses it for what it holds) is returned as
 * rejected, with the reason, and the rest of the batch proceeds.
 */
final class BatchProcessor {
  /**
   * The version of the delete written for a row that is gone from MariaDB (hard delete). Its last
   * version is unknown, and any indexer may still hold a read of it from before the delete; the
   * delete must beat every such read, so it takes the highest version there is. See package-info.
   */
  static final long GONE_ROW_VERSION = Long.MAX_VALUE;

  private static final Logger LOG = LoggerFactory.getLogger(BatchProcessor.class);

  private final RowReader rows;
  private final SearchIndex index;
  private final IndexTargets targets;
  private final Clock clock;
  private final SyncMetrics metrics;

  /** @param metrics where each step's time goes ({@link BatchStage}) */
  BatchProcessor(RowReader rows, SearchIndex index, IndexTargets targets, Clock clock, SyncMetrics metrics) {
    this.rows = rows;
    this.index = index;
    this.targets = targets;
    this.clock = clock;
    this.metrics = metrics;
  }

  /** The result of a batch that Solr accepted and searches see. */
  record Outcome(InvalidationNotice invalidation, Map<ParsedMessage.Key, String> rejected) {}

  Outcome process(Coalesced batch) {
    return process(batch.ids(Entity.MEMBER), batch.ids(Entity.EVENT));
  }

  /**
   * {@link #process(List, List)} announced as the live sync announces a batch: a {@code pending}
   * notice naming its rows before the first write (autoSoftCommit may show a write before our
   * commit, so caches stop trusting answers about these rows before any search can see the
   * change), then the notice of what became visible, for the same {@code batchId}, sent even when
   * nothing was written (all rejected): it ends the announcement.
   */
  Outcome processAnnounced(String batchId, List<Long> memberIds, List<Long> eventIds, InvalidationSink notices) {
    InvalidationNotice pending = InvalidationNotice.pending(batchId, memberIds, eventIds, clock.instant());
    long started = System.nanoTime();
    if (!pending.isEmpty()) {
      notices.publish(pending);
    }
    long noticeNanos = System.nanoTime() - started;
    Outcome outcome = process(memberIds, eventIds);
    if (!pending.isEmpty()) {
      started = System.nanoTime();
      notices.publish(outcome.invalidation().of(batchId));
      noticeNanos += System.nanoTime() - started;
    }
    metrics.stage(BatchStage.NOTICE, noticeNanos);
    return outcome;
  }

  /** Reads, maps, writes and makes visible the named rows, as for a batch naming them. */
  Outcome process(List<Long> memberIds, List<Long> eventIds) {
    Map<ParsedMessage.Key, String> rejected = new HashMap<>();
    long started = System.nanoTime();
    Catalog catalog = rows.catalog();
    Map<Long, IndexChange> members = changes(rows, Entity.MEMBER, memberIds, catalog, rejected);
    Map<Long, IndexChange> events = changes(rows, Entity.EVENT, eventIds, catalog, rejected);
    started = stage(BatchStage.READ, started);
    write(Entity.MEMBER, members, rejected);
    write(Entity.EVENT, events, rejected);
    started = stage(BatchStage.WRITE, started);
    if (!members.isEmpty()) {
      index.softCommit(targets.live(Entity.MEMBER));
    }
    if (!events.isEmpty()) {
      index.softCommit(targets.live(Entity.EVENT));
    }
    confirmVisible(Entity.MEMBER, members);
    confirmVisible(Entity.EVENT, events);
    stage(BatchStage.COMMIT, started);
    return new Outcome(
        new InvalidationNotice(
            ids(members, true), ids(members, false), ids(events, true), ids(events, false), clock.instant()),
        rejected);
  }

  /**
   * Fails the batch, to be retried, when searches do not show all of it after the soft commit.
   * Solr answers success to a commit it ignores: after a restart it replays its update log in the
   * background, with the core already serving, and ignores every commit but the replay's own until
   * it is done. A batch written then was acknowledged and announced as visible while no search
   * showed it, and stayed so until some later commit: the live core has no soft autocommit after
   * a rebuild (solr-config/README.md), and the hard one opens no searcher. The retry commits again.
   */
  private void confirmVisible(Entity entity, Map<Long, IndexChange> changes) {
    if (changes.isEmpty()) {
      return;
    }
    String live = targets.live(entity);
    List<IndexChange> hidden = index.notVisible(live, List.copyOf(changes.values()));
    if (!hidden.isEmpty()) {
      throw new IndexWriteException(hidden.size() + " of " + changes.size() + " " + entity.wire()
          + " changes not visible on " + live + " after the soft commit (Solr ignores commits while it replays"
          + " its update log after a restart), " + entity.wire() + " " + hidden.get(0).id() + " among them", null);
    }
  }

  /** Records the step begun at {@code started}; returns now, the next step's start. */
  private long stage(BatchStage stage, long started) {
    long now = System.nanoTime();
    metrics.stage(stage, now - started);
    return now;
  }

  /**
   * What the index must do for each of {@code ids} of {@code entity}: the mapped row, or a delete
   * when the row is gone. A row the mapping refuses is left out and named in {@code rejected}.
   */
  static Map<Long, IndexChange> changes(RowReader rows, Entity entity, List<Long> ids, Catalog catalog,
      Map<ParsedMessage.Key, String> rejected) {
    Map<Long, IndexChange> changes = new HashMap<>();
    if (ids.isEmpty()) {
      return changes;
    }
    Map<Long, ? extends Mappable> read = entity == Entity.MEMBER
        ? mappable(rows.members(ids), MemberDocuments::change)
        : mappable(rows.events(ids), EventDocuments::change);
    for (long id : ids) {
      Mappable row = read.get(id);
      try {
        changes.put(id, row == null ? new IndexChange.Delete(Long.toString(id), GONE_ROW_VERSION) : row.map(catalog));
      } catch (RuntimeException e) {
        rejected.put(new ParsedMessage.Key(entity, id), entity.wire() + " " + id + " cannot be indexed: " + e);
      }
    }
    return changes;
  }

  /** A row read from MariaDB with the mapping that turns it into an index change. */
  private interface Mappable {
    IndexChange map(Catalog catalog);
  }

  private static <R> Map<Long, Mappable> mappable(Map<Long, R> rows, BiFunction<R, Catalog, IndexChange> mapping) {
    Map<Long, Mappable> mappable = new HashMap<>();
    rows.forEach((id, row) -> mappable.put(id, catalog -> mapping.apply(row, catalog)));
    return mappable;
  }

  /**
   * Writes the batch to every build core of a running rebuild first, then to the live core. The
   * order matters: a rebuild's SWAP can fall between two writes, after which the build core's
   * name points at the old live core. Build first, live second, the core that ends up live gets
   * the batch whichever side of the swap each write falls on; live first, both writes could land
   * in the old core and the change would be lost from the new one.
   */
  private void write(Entity entity, Map<Long, IndexChange> changes, Map<ParsedMessage.Key, String> rejected) {
    if (changes.isEmpty()) {
      return;
    }
    List<String> refusedByBuild = new ArrayList<>();
    for (String build : targets.builds(entity)) {
      if (writeToBuild(build, changes)) {
        refusedByBuild.add(build);
      }
    }
    String live = targets.live(entity);
    try {
      index.apply(live, List.copyOf(changes.values()));
    } catch (IndexWriteException e) {
      if (!isRefused(e)) {
        throw e;
      }
      // Solr refused something in the batch for what it holds: find it, keep the rest.
      for (Long id : List.copyOf(changes.keySet())) {
        try {
          index.apply(live, List.of(changes.get(id)));
        } catch (IndexWriteException single) {
          if (!isRefused(single)) {
            throw single;
          }
          changes.remove(id);
          rejected.put(new ParsedMessage.Key(entity, id), "Solr refuses " + entity.wire() + " " + id + ": "
              + single.getMessage());
        }
      }
    }
    // A build core that refused the whole batch gets what the live core accepted.
    for (String build : refusedByBuild) {
      writeToBuild(build, changes);
    }
  }

  /** True when the build core refused the batch (400); a build core that is gone is forgotten. */
  private boolean writeToBuild(String build, Map<Long, IndexChange> changes) {
    if (changes.isEmpty()) {
      return false;
    }
    try {
      index.apply(build, List.copyOf(changes.values()));
      return false;
    } catch (IndexWriteException e) {
      if (status(e) == 404) {
        // The rebuild switched or dropped it meanwhile; its own catch-up covers the rest.
        LOG.info("build core {} is gone; no longer writing to it", build);
        targets.forget(build);
        return false;
      }
      if (isRefused(e)) {
        return true;
      }
      throw e;
    }
  }

  private static List<Long> ids(Map<Long, IndexChange> changes, boolean removed) {
    Set<Long> ids = new LinkedHashSet<>();
    changes.forEach((id, change) -> {
      if ((change instanceof IndexChange.Delete) == removed) {
        ids.add(id);
      }
    });
    return new ArrayList<>(ids);
  }

  /** Solr answered 400: the request itself is wrong, and retrying it cannot help. */
  private static boolean isRefused(IndexWriteException e) {
    return status(e) == 400;
  }

  private static int status(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SolrException solr) {
        return solr.code();
      }
    }
    return -1;
  }
}
