package com.expat.search.indexer.reindex;

import com.expat.search.common.config.ConfigException;
import com.expat.search.common.config.Env;
import com.expat.search.common.solr.IndexNames;
import java.time.Duration;
import java.util.Objects;

/**
 * The rebuild's configuration, read once from the environment and checked at start.
 *
 * @param pageSize {@code REINDEX_PAGE_SIZE}: ids per keyset page and per Solr update (1000)
 * @param threads {@code REINDEX_THREADS}: pages read from MariaDB and mapped in parallel (4). The
 *     bulk load sends them from one thread, in runs sorted by city ({@link SortedRuns}); the
 *     catch-up's pages are written by the threads that read them
 * @param runRows {@code REINDEX_RUN_ROWS}: rows the bulk load sorts by city together before sending
 *     them ({@link #RUN_ROWS_DEFAULT}). Two runs are in memory at most; each run ends in a flush, so it is
 *     also the size of the smallest segments the load leaves to merge
 * @param minRatio {@code REINDEX_MIN_RATIO}: least new/live document ratio to switch (0.9)
 * @param discoveryWait {@code REINDEX_DISCOVERY_WAIT_MS}: wait after creating a build core, so
 *     every live indexer writes to it before the rebuild reads (default 2 x 5 s discovery + 1 s)
 * @param catchUpMargin {@code REINDEX_CATCHUP_MARGIN_S}: clock skew allowed between the
 *     website's {@code updated_at} and the database clock (60 s)
 * @param progressEvery {@code REINDEX_PROGRESS_S}: interval of progress lines (5 s)
 * @param maxSegments {@code REINDEX_MAX_SEGMENTS}: the new index is merged down to this many
 *     segments before the switch (1; 0 skips the merge). A bulk load leaves ~30 segments on 1M
 *     members; merged to one, a matches query costs ~1 ms less and the merge takes ~10 s
 *     (docs/benchmarks.md). A nightly rebuild is where such a merge belongs: the merged segment only
 *     collects a day of live updates' deletes before the next rebuild replaces it.
 * @param writeDeadline {@code REINDEX_WRITE_DEADLINE_S}: the longest one of the rebuild's Solr
 *     writes (an update of a page, a commit) may take before the rebuild fails (120 s). The live
 *     sync's writes are a few documents and keep {@code SolrSearchIndex}'s 10 s; a rebuild's are a
 *     page of {@code REINDEX_PAGE_SIZE} documents among {@code REINDEX_THREADS} in flight, and its
 *     commits flush a bulk core, which on a loaded machine took over 10 s and failed the rebuild
 *     (docs/benchmarks.md). The deadline only bounds a write whose connection broke mid-request; a
 *     slow Solr is not a reason to give up a night's rebuild.
 */
public record ReindexSettings(
    int pageSize,
    int threads,
    int runRows,
    double minRatio,
    Duration discoveryWait,
    Duration catchUpMargin,
    Duration progressEvery,
    int maxSegments,
    Duration writeDeadline,
    String membersCore,
    String eventsCore,
    String catalogCore) {

  /** {@link #writeDeadline} when {@code REINDEX_WRITE_DEADLINE_S} is not set. */
  public static final Duration DEFAULT_WRITE_DEADLINE = Duration.ofSeconds(120);

  /**
   * {@link #runRows} when {@code REINDEX_RUN_ROWS} is not set: a run of 50,000 mapped members holds
   * about 145 MB of the indexer's heap (2.9 KB each, measured on the 200k and the 1M worlds), two
   * runs under a third of its -Xmx1g.
   */
  public static final int RUN_ROWS_DEFAULT = 50_000;

  public ReindexSettings {
    if (minRatio < 0 || minRatio > 1) {
      throw new ConfigException("REINDEX_MIN_RATIO=" + minRatio + " is outside 0..1");
    }
    if (runRows < 1) {
      throw new ConfigException("REINDEX_RUN_ROWS=" + runRows + " must be positive");
    }
    if (writeDeadline.isNegative() || writeDeadline.isZero()) {
      throw new ConfigException("REINDEX_WRITE_DEADLINE_S=" + writeDeadline.toSeconds() + " must be positive");
    }
    Objects.requireNonNull(membersCore, "membersCore");
    Objects.requireNonNull(eventsCore, "eventsCore");
    Objects.requireNonNull(catalogCore, "catalogCore");
  }

  /**
   * @throws ConfigException naming the first bad variable, or one no longer read that would change
   *     what the rebuild does ({@code REINDEX_ORDER=place}, {@code REINDEX_PLACE_WINDOW})
   */
  public static ReindexSettings from(Env env) {
    refuseRemoved(env);
    IndexNames cores = IndexNames.from(env);
    double ratio;
    String raw = env.string("REINDEX_MIN_RATIO", "0.9");
    try {
      ratio = Double.parseDouble(raw);
    } catch (NumberFormatException e) {
      throw new ConfigException("REINDEX_MIN_RATIO=" + raw + " is not a number");
    }
    return new ReindexSettings(
        env.integer("REINDEX_PAGE_SIZE", 1_000, 1, 10_000),
        env.integer("REINDEX_THREADS", 4, 1, 32),
        env.integer("REINDEX_RUN_ROWS", RUN_ROWS_DEFAULT, 1, 1_000_000),
        ratio,
        Duration.ofMillis(env.integer("REINDEX_DISCOVERY_WAIT_MS",
            2 * env.integer("INDEXER_DISCOVERY_MS", 5_000, 100, 600_000) + 1_000, 0, 3_600_000)),
        Duration.ofSeconds(env.integer("REINDEX_CATCHUP_MARGIN_S", 60, 0, 86_400)),
        Duration.ofSeconds(env.integer("REINDEX_PROGRESS_S", 5, 1, 3_600)),
        env.integer("REINDEX_MAX_SEGMENTS", 1, 0, 1_000),
        Duration.ofSeconds(env.integer("REINDEX_WRITE_DEADLINE_S", (int) DEFAULT_WRITE_DEADLINE.toSeconds(), 1, 86_400)),
        cores.members(),
        cores.events(),
        cores.catalog());
  }

  /**
   * The rebuild reads in id order only: the build core is sorted by city in Solr ({@code
   * expat.indexSort}), so a city's candidates are neighbours in the index whatever the order written,
   * and reading place by place only cost reads (docs/benchmarks.md, "Place locality in the index").
   * {@code REINDEX_ORDER=id}, what the rebuild does, is let through.
   */
  private static void refuseRemoved(Env env) {
    String why = " is no longer read: the rebuild reads rows in id order and Solr sorts the new core by city"
        + " (expat.indexSort); unset it";
    env.optional("REINDEX_ORDER").map(String::strip).filter(order -> !order.equals("id")).ifPresent(order -> {
      throw new ConfigException("REINDEX_ORDER=" + order + why);
    });
    env.optional("REINDEX_PLACE_WINDOW").ifPresent(window -> {
      throw new ConfigException("REINDEX_PLACE_WINDOW=" + window + why);
    });
  }

  String core(Target target) {
    return switch (target) {
      case MEMBERS -> membersCore;
      case EVENTS -> eventsCore;
      case CATALOG -> catalogCore;
    };
  }

  ReindexSettings withMinRatio(double ratio) {
    return new ReindexSettings(pageSize, threads, runRows, ratio, discoveryWait, catchUpMargin, progressEvery,
        maxSegments, writeDeadline, membersCore, eventsCore, catalogCore);
  }
}
