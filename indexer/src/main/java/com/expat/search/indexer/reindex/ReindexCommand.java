package com.expat.search.indexer.reindex;

import com.expat.search.common.solr.SolrClients;
import com.expat.search.common.config.Env;
import com.expat.search.common.solr.SolrSettings;
import com.expat.search.indexer.solr.IndexAdmin;
import com.expat.search.indexer.ops.TextfileMetrics;
import com.expat.search.indexer.solr.SolrSearchIndex;
import com.expat.search.indexer.source.JobLock;
import com.expat.search.indexer.source.DbSettings;
import com.expat.search.indexer.source.RowSources;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.solr.client.solrj.SolrClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code reindex [members|events|all]}: the nightly rebuild into new cores, then the atomic switch.
 * The composition root of the rebuild: reads its configuration, builds the pool, the Solr client
 * and the {@link IndexAdmin} of the mode in use (CoreAdmin, or the Collections API when
 * {@code SOLR_ZK_HOSTS} is set), and runs a {@link Reindexer} per core, each under the core's
 * {@link JobLock} so that two rebuilds (or a rebuild and a rollback) of one core never run at once.
 * Exits 1 when any rebuild failed or was refused (the live index of that core is then untouched),
 * 5 when a core was skipped because its lock was held.
 */
@Command(
    name = "reindex",
    mixinStandardHelpOptions = true,
    usageHelpWidth = 120,
    description = {
      "Rebuild members, events (and the catalog) from MariaDB into new cores, then switch atomically",
      "(SolrCloud: into new collections, then move the aliases). Each core is rebuilt under a MariaDB named lock",
      "(GET_LOCK 'expat-search:<database>:<core>'), also taken by rollback: a second run of the same core is skipped.",
      "",
      "Exit status: 0 every core switched; 1 a rebuild failed or was refused (that live index is unchanged);",
      "5 a core was skipped because another rebuild or rollback of it was running; 2 bad usage.",
      "",
      "Environment:",
      "  SOLR_ZK_HOSTS             SolrCloud's ZooKeeper (e.g. 127.0.0.1:9983), enough alone: collections behind",
      "                            aliases, switched by CREATEALIAS",
      "  SOLR_URL                  Solr node, without SOLR_ZK_HOSTS (the launcher sets it to the bundled Solr)",
      "  DB_URL, DB_USER, DB_PASSWORD   MariaDB (jdbc:mariadb://127.0.0.1:3306/expat, root, empty)",
      "  DB_POOL_SIZE              connections to MariaDB (4)",
      "  REINDEX_PAGE_SIZE         ids per page and per Solr update (1000)",
      "  REINDEX_MAX_SEGMENTS      merge the new index down to this many segments before the switch, 0: no merge (1)",
      "  REINDEX_THREADS           pages read and mapped in parallel (4)",
      "  REINDEX_RUN_ROWS          rows sorted by city together, then sent by one thread and flushed (50000);",
      "                            two runs are held in memory, ~145 MB each at the default",
      "  REINDEX_WRITE_DEADLINE_S  the longest one Solr update or commit of the rebuild may take before the",
      "                            rebuild fails (120; the live sync's small writes keep 10 s)",
      "  REINDEX_MIN_RATIO         least new/live document ratio to switch (0.9)",
      "  REINDEX_DISCOVERY_WAIT_MS wait for live indexers to find the new core (2 x INDEXER_DISCOVERY_MS + 1000)",
      "  REINDEX_CATCHUP_MARGIN_S  clock skew allowed for the catch-up of updated_at (60)",
      "  REINDEX_PROGRESS_S        interval of progress lines (5)",
      "  REINDEX_METRICS_FILE      write progress and outcome in Prometheus text format there (node_exporter's",
      "                            textfile collector), e.g. /var/lib/node_exporter/textfile/expat_reindex.prom",
      "  EXPAT_MEMBERS_CORE, EXPAT_EVENTS_CORE, EXPAT_CATALOG_CORE   core or alias names (members, events, catalog)"
    })
public final class ReindexCommand implements Callable<Integer> {

  @Parameters(index = "0", arity = "0..1", defaultValue = "all",
      description = "members, events or all (all also rebuilds the catalog; default ${DEFAULT-VALUE}).")
  String what;

  @Option(names = "--min-ratio", description = "Least new/live document ratio to switch (overrides REINDEX_MIN_RATIO).")
  Double minRatio;

  @Option(names = "--force", description = "Switch whatever the document count (same as --min-ratio 0).")
  boolean force;

  @Override
  public Integer call() {
    List<Target> targets = switch (what) {
      case "members" -> List.of(Target.MEMBERS, Target.CATALOG);
      case "events" -> List.of(Target.EVENTS);
      case "all" -> List.of(Target.CATALOG, Target.MEMBERS, Target.EVENTS);
      default -> throw new ReindexException("unknown target '" + what + "': members, events or all");
    };
    Env env = Env.system();
    ReindexSettings settings = settings(env);
    SolrSettings solr = SolrSettings.from(env).withRequestTimeout(Duration.ofMinutes(15));
    DbSettings db = DbSettings.from(env);
    Optional<Path> metricsFile = env.optional("REINDEX_METRICS_FILE").map(Path::of);
    Map<Target, Outcome> outcomes = new EnumMap<>(Target.class);
    long started = System.currentTimeMillis();
    try (HikariDataSource pool = RowSources.pool(db, "reindex");
        SolrClient client = SolrClients.create(solr)) {
      Reindexer reindexer = new Reindexer(RowSources.mariaDb(pool), new SolrSearchIndex(client, settings.writeDeadline()),
          IndexAdmin.forSolr(solr, client), settings, Clock.systemUTC(), System.out);
      for (Target target : targets) {
        String core = settings.core(target);
        outcomes.put(target, Outcome.running(System.currentTimeMillis()));
        metricsFile.ifPresent(file -> metrics(settings, outcomes, null, started).writeTo(file));
        Optional<JobLock> lock = JobLock.tryAcquire(db, core);
        if (lock.isEmpty()) {
          System.err.println("reindex: " + core + ": another rebuild or rollback of " + core + " is running (it holds"
              + " the MariaDB lock 'expat-search:<database>:" + core + "'); not rebuilt");
          outcomes.put(target, outcomes.get(target).ended(Outcome.LOCKED, 0));
          continue;
        }
        try (JobLock held = lock.get()) {
          long documents = reindexer.rebuild(target);
          outcomes.put(target, outcomes.get(target).ended(Outcome.SWITCHED, documents));
        } catch (ReindexException e) {
          System.err.println("reindex: " + e.getMessage());
          outcomes.put(target, outcomes.get(target).ended(Outcome.FAILED, 0));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int status = outcomes.values().stream().anyMatch(o -> o.state() == Outcome.FAILED) ? FAILED
        : outcomes.values().stream().anyMatch(o -> o.state() == Outcome.LOCKED) ? LOCKED : 0;
    metricsFile.ifPresent(file -> metrics(settings, outcomes, status, started).writeTo(file));
    if (status == FAILED) {
      System.err.println("reindex: failed: " + outcomes.entrySet().stream().filter(e -> e.getValue().state() == Outcome.FAILED)
          .map(e -> settings.core(e.getKey())).toList() + " (their live index is unchanged)");
    }
    return status;
  }

  private ReindexSettings settings(Env env) {
    ReindexSettings settings = ReindexSettings.from(env);
    if (minRatio != null) {
      settings = settings.withMinRatio(minRatio);
    }
    return force ? settings.withMinRatio(0) : settings;
  }

  /** Exit status when a rebuild failed or was refused (its live index is unchanged). */
  static final int FAILED = 1;
  /** Exit status when a core was skipped because another rebuild or rollback of it holds its lock. */
  static final int LOCKED = 5;

  /** Where one core's rebuild is: running since {@code startedMs}, then ended in {@code state}. */
  private record Outcome(int state, long startedMs, long endedMs, long documents) {
    static final int RUNNING = 0;
    static final int SWITCHED = 1;
    static final int FAILED = 2;
    static final int LOCKED = 3;

    static Outcome running(long startedMs) {
      return new Outcome(RUNNING, startedMs, 0, 0);
    }

    Outcome ended(int state, long documents) {
      return new Outcome(state, startedMs, System.currentTimeMillis(), documents);
    }
  }

  /**
   * The run as Prometheus gauges (node_exporter's textfile collector): per core whether it is
   * running, how it ended (1 switched, 2 failed, 3 skipped: locked), its documents and duration;
   * the run's exit status once it ended.
   */
  private static TextfileMetrics metrics(ReindexSettings settings, Map<Target, Outcome> outcomes, Integer status,
      long started) {
    TextfileMetrics metrics = new TextfileMetrics();
    outcomes.forEach((target, outcome) -> {
      String core = settings.core(target);
      metrics.gauge("expat_reindex_running", "1 while the rebuild of the core runs", outcome.state() == Outcome.RUNNING ? 1 : 0,
          "core", core);
      metrics.gauge("expat_reindex_outcome", "how the core's last rebuild ended: 0 running, 1 switched, 2 failed (live"
          + " index unchanged), 3 skipped (another rebuild or rollback held the lock)", outcome.state(), "core", core);
      metrics.gauge("expat_reindex_started_timestamp_seconds", "when the core's last rebuild started (Unix time)",
          outcome.startedMs() / 1000.0, "core", core);
      if (outcome.state() != Outcome.RUNNING) {
        metrics.gauge("expat_reindex_duration_seconds", "how long the core's last rebuild took",
            (outcome.endedMs() - outcome.startedMs()) / 1000.0, "core", core);
        metrics.gauge("expat_reindex_documents", "documents live after the core's last rebuild (0 unless switched)",
            outcome.documents(), "core", core);
      }
    });
    metrics.gauge("expat_reindex_run_started_timestamp_seconds", "when the last reindex run started (Unix time)",
        started / 1000.0);
    if (status != null) {
      metrics.gauge("expat_reindex_exit_code", "exit status of the last reindex run (0 ok, 1 failed, 5 locked)", status);
      metrics.gauge("expat_reindex_last_run_timestamp_seconds", "when the last reindex run ended (Unix time)",
          System.currentTimeMillis() / 1000.0);
    }
    return metrics;
  }
}
