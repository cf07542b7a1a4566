package com.expat.search.indexer.reindex;

import com.expat.search.common.ExpatSearchException;
import com.expat.search.indexer.mapping.CatalogDocuments;
import com.expat.search.indexer.mapping.EventDocuments;
import com.expat.search.indexer.mapping.IndexChange;
import com.expat.search.indexer.mapping.MemberDocuments;
import com.expat.search.indexer.solr.CoreNames;
import com.expat.search.indexer.solr.IndexAdmin;
import com.expat.search.indexer.solr.SearchIndex;
import com.expat.search.indexer.source.RebuildSource;
import com.expat.search.indexer.source.Table;
import com.expat.search.indexer.world.Catalog;
import com.expat.search.indexer.world.City;
import com.expat.search.indexer.world.Interest;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.solr.common.SolrInputDocument;

/**
 * One rebuild of one core, then the atomic switch. Steps (see package-info for why):
 * <ol>
 *   <li>note the database clock minus a margin ({@code since});
 *   <li>create {@code <live>__build_<stamp>}, pause its automatic soft commits (in memory), and wait until every live
 *       indexer has found it and writes each change to it too;
 *   <li>stream the table by keyset pages of ids, {@code threads} pages at a time, each page read with the same set-based
 *       queries as the live sync; gather the mapped pages into runs of {@code runRows} rows, sort
 *       each run by city and send it from one thread, a page per Solr update carrying the rows'
 *       versions (so a newer live write is never overwritten), then flush ({@link SortedRuns});
 *   <li>catch up: rows with {@code updated_at >= since}, read again;
 *   <li>commit, merge down to {@code REINDEX_MAX_SEGMENTS} segments (live writes go on meanwhile),
 *       compare the count with the live core's (at least {@code minRatio}), resume the automatic
 *       soft commits, and switch
 *       ({@link IndexAdmin#switchTo}: CoreAdmin SWAP, or on SolrCloud CREATEALIAS);
 *   <li>rename the replaced core {@code <live>__prev_<stamp>} (on SolrCloud: an alias of the
 *       replaced collection) and drop older previous cores.
 * </ol>
 * Any failure before the swap drops the build core and throws {@link ReindexException}; the live
 * core is untouched. Memory is constant: at most {@code 2 x threads} pages are being read and two
 * runs are held.
 */
public final class Reindexer {
  private static final DateTimeFormatter STAMP =
      // Milliseconds: two rebuilds within one second (the demo's reload, tests) would otherwise ask
      // for a build name that Solr's listing still holds from the first one's swap.
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS").withZone(ZoneOffset.UTC);
  private static final int PAGE_ATTEMPTS = 5;

  private final RebuildSource rows;
  private final SearchIndex index;
  private final IndexAdmin admin;
  private final ReindexSettings settings;
  private final Clock clock;
  private final PrintStream out;

  public Reindexer(RebuildSource rows, SearchIndex index, IndexAdmin admin, ReindexSettings settings, Clock clock,
      PrintStream out) {
    this.rows = rows;
    this.index = index;
    this.admin = admin;
    this.settings = settings;
    this.clock = clock;
    this.out = out;
  }

  /** Rebuilds {@code target} and switches it live; returns the number of documents now live. */
  public long rebuild(Target target) {
    String live = settings.core(target);
    Instant started = clock.instant();
    String stamp = STAMP.format(started);
    String build = CoreNames.buildPrefix(live) + stamp;
    long built;
    String replaced = null;
    try {
      Instant since = target == Target.CATALOG ? null : rows.now().minus(settings.catchUpMargin());
      admin.createBulkCore(build);
      out.println(live + ": building " + build);
      if (!admin.pauseSoftCommits(build)) {
        out.println(live + ": Solr has no /expat/soft-commits (solr-config's plugin): " + build
            + " soft-commits as configured while it loads");
      }
      if (target == Target.CATALOG) {
        loadCatalog(build, started.toEpochMilli());
      } else {
        pause(settings.discoveryWait());
        load(target, build, null, "bulk");
        load(target, build, since, "catch-up");
      }
      index.commit(build);
      if (settings.maxSegments() > 0) {
        Instant merging = clock.instant();
        index.forceMerge(build, settings.maxSegments());
        out.println(live + ": merged " + build + " to at most " + settings.maxSegments() + " segment(s) in "
            + Progress.format(Duration.between(merging, clock.instant())));
      }
      built = index.count(build);
      boolean exists = admin.exists(live);
      long current = exists ? index.count(live) : 0;
      if (current > 0 && built < settings.minRatio() * current) {
        throw new ReindexException(String.format(java.util.Locale.ROOT,
            "%s: the new index holds %,d documents, the live one %,d (below %.0f%%); the live index"
                + " stays (REINDEX_MIN_RATIO or --min-ratio to override)", live, built, current,
            settings.minRatio() * 100));
      }
      // The core that goes live soft-commits as configured: nothing of the bulk load stays behind.
      admin.resumeSoftCommits(build);
      if (exists) {
        replaced = admin.switchTo(live, build);
      } else {
        admin.rename(build, live);
      }
      out.printf(java.util.Locale.ROOT, "%s: switched to the new index, %,d documents (was %,d) in %s%n",
          live, built, current, Progress.format(Duration.between(started, clock.instant())));
      if (!exists) {
        return built;
      }
    } catch (ExpatSearchException | InterruptedException e) {
      dropQuietly(build);
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw e instanceof ReindexException r ? r
          : new ReindexException(live + ": rebuild failed, the live index stays: " + e.getMessage(), e);
    }
    String previous = CoreNames.previousPrefix(live) + stamp;
    try {
      admin.rename(replaced, previous);
      for (String core : admin.cores()) {
        if (core.startsWith(CoreNames.previousPrefix(live)) && !core.equals(previous)) {
          admin.drop(core);
          out.println(live + ": dropped the older previous index " + core);
        }
      }
      out.println(live + ": the replaced index is kept as " + previous + " for rollback");
    } catch (ExpatSearchException e) {
      out.println(live + ": switched, but cleaning up failed (" + e.getMessage() + ")");
    }
    return built;
  }

  /**
   * The bulk load ({@code since} null) sends through {@link SortedRuns}: one sender, each run in
   * the core's order. The catch-up's few pages are written by the thread that read each.
   */
  private void load(Target target, String core, Instant since, String phase) throws InterruptedException {
    Table table = target == Target.MEMBERS ? Table.MEMBERS : Table.EVENTS;
    Progress progress = new Progress(settings.core(target) + " " + phase,
        since == null ? rows.count(table) : Progress.UNKNOWN, out);
    ExecutorService pool = Executors.newFixedThreadPool(settings.threads(), daemon("reindex-load"));
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(daemon("reindex-progress"));
    long every = settings.progressEvery().toMillis();
    ticker.scheduleAtFixedRate(progress::print, every, every, TimeUnit.MILLISECONDS);
    Semaphore inFlight = new Semaphore(2 * settings.threads());
    AtomicReference<RuntimeException> failure = new AtomicReference<>();
    List<Future<?>> pending = new ArrayList<>();
    SortedRuns runs = since != null ? null : new SortedRuns(settings.runRows(), settings.pageSize(),
        new SortedRuns.Writer() {
          @Override
          public void write(List<IndexChange> page) {
            withRetries(() -> index.apply(core, page));
          }

          @Override
          public void flush() {
            withRetries(() -> index.flush(core));
          }
        }, progress::add, daemon("reindex-send"));
    try {
      Iterator<List<Long>> pages = byKeyset(table, since);
      while (failure.get() == null && pages.hasNext()) {
        List<Long> ids = pages.next();
        inFlight.acquire();
        pending.add(pool.submit(() -> {
          try {
            List<IndexChange> changes = withRetries(() -> read(target, ids));
            if (runs != null) {
              runs.add(changes);
            } else {
              withRetries(() -> index.apply(core, changes));
              progress.add(ids.size());
            }
          } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
          } catch (InterruptedException e) {
            failure.compareAndSet(null, new ReindexException("interrupted", e));
            Thread.currentThread().interrupt();
          } finally {
            inFlight.release();
          }
        }));
        pending.removeIf(Future::isDone);
      }
      pool.shutdown();
      if (!pool.awaitTermination(1, TimeUnit.HOURS)) {
        throw new ReindexException(core + ": loading did not finish within an hour");
      }
      if (failure.get() != null) {
        throw failure.get();
      }
      if (runs != null) {
        runs.finish();
      }
      progress.print();
    } finally {
      pool.shutdownNow();
      ticker.shutdownNow();
      if (runs != null) {
        runs.close();
      }
    }
  }

  /**
   * Pages of ids in id order, read by keyset as they are needed: rows updated at or after
   * {@code since}, or every row when it is null.
   */
  private Iterator<List<Long>> byKeyset(Table table, Instant since) {
    return new Iterator<>() {
      private List<Long> next = rows.ids(table, 0, settings.pageSize(), since);

      @Override
      public boolean hasNext() {
        return !next.isEmpty();
      }

      @Override
      public List<Long> next() {
        if (next.isEmpty()) {
          throw new NoSuchElementException();
        }
        List<Long> page = next;
        next = rows.ids(table, page.get(page.size() - 1), settings.pageSize(), since);
        return page;
      }
    };
  }

  /** The changes that bring the index in line with the rows of {@code ids}. */
  private List<IndexChange> read(Target target, List<Long> ids) {
    Catalog catalog = catalog();
    List<IndexChange> changes = new ArrayList<>(ids.size());
    if (target == Target.MEMBERS) {
      rows.members(ids).values().forEach(profile -> changes.add(MemberDocuments.change(profile, catalog)));
    } else {
      rows.events(ids).values().forEach(details -> changes.add(EventDocuments.change(details, catalog)));
    }
    return changes;
  }

  private static void withRetries(Runnable step) {
    withRetries(() -> {
      step.run();
      return null;
    });
  }

  /** {@code step}, tried again after a passing failure (a read or a write), up to {@value #PAGE_ATTEMPTS} times. */
  private static <T> T withRetries(Supplier<T> step) {
    for (int attempt = 1; ; attempt++) {
      try {
        return step.get();
      } catch (ExpatSearchException e) {
        if (attempt >= PAGE_ATTEMPTS) {
          throw e;
        }
        try {
          Thread.sleep(200L << attempt);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new ReindexException("interrupted", interrupted);
        }
      }
    }
  }

  private Catalog cachedCatalog;

  private synchronized Catalog catalog() {
    if (cachedCatalog == null) {
      cachedCatalog = rows.catalog();
    }
    return cachedCatalog;
  }

  private void loadCatalog(String core, long buildVersion) {
    Catalog catalog = rows.catalog();
    Map<Integer, Integer> popularity = rows.interestMemberCounts();
    List<SolrInputDocument> page = new ArrayList<>();
    for (City city : catalog.cities()) {
      page.add(CatalogDocuments.city(city, buildVersion));
      if (page.size() >= settings.pageSize()) {
        index.add(core, page);
        page = new ArrayList<>();
      }
    }
    for (Interest interest : catalog.interests()) {
      page.add(CatalogDocuments.interest(interest, popularity.getOrDefault(interest.id(), 0), buildVersion));
    }
    if (!page.isEmpty()) {
      index.add(core, page);
    }
    out.printf(java.util.Locale.ROOT, "%s: %,d cities, %,d interests%n", core, catalog.cities().size(),
        catalog.interests().size());
  }

  private void dropQuietly(String core) {
    try {
      if (admin.cores().contains(core)) {
        admin.drop(core);
      }
    } catch (ExpatSearchException e) {
      out.println("could not drop the failed build core " + core + ": " + e.getMessage());
    }
  }

  private static void pause(Duration duration) throws InterruptedException {
    Thread.sleep(duration.toMillis());
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
