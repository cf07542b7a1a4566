package com.expat.search.bench.indexing;

import com.expat.search.bench.BenchMain;
import com.expat.search.bench.load.Loopback;
import com.expat.search.bench.report.RunStamp;
import com.expat.search.common.config.Env;
import com.expat.search.common.solr.SolrClients;
import com.expat.search.common.solr.SolrSettings;
import com.expat.search.indexer.reindex.ReindexSettings;
import com.expat.search.indexer.reindex.Reindexer;
import com.expat.search.indexer.reindex.Target;
import com.expat.search.indexer.solr.IndexAdmin;
import com.expat.search.indexer.solr.SearchIndex;
import com.expat.search.indexer.solr.SolrIndexAdmin;
import com.expat.search.indexer.solr.SolrSearchIndex;
import com.expat.search.indexer.source.DbSettings;
import com.expat.search.indexer.source.RebuildSource;
import com.expat.search.indexer.source.RowSources;
import com.expat.search.indexer.source.Table;
import com.expat.search.vocabulary.Cores;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.GenericSolrRequest;
import org.apache.solr.common.params.ModifiableSolrParams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench bulk}: the full rebuild from MariaDB (docs/s, wall time) beside a plain bulk load of
 * the very same documents into Solr, in the same run, so that their ratio is the cost of our
 * pipeline. Steps: (a) read and map the table as the rebuild does, into a javabin file (timed on
 * its own); (b) post the file into a fresh bulk core with the same threads and page size, commit,
 * drop the core; with {@code --unsorted-plain}, (b2) the same into a core without the rebuild's
 * index sort by city, so that one run says what the sort costs Solr; (c) rebuild into another fresh core with the indexer's {@link Reindexer} itself
 * (pages of ids, RebuildSource, mapping, {@code SolrSearchIndex.apply}), drop it. The Reindexer gets a
 * live name of the benchmark's own ({@code bench_rebuild_<table>_<stamp>}), so it builds
 * {@code bench_rebuild_..__build_<stamp>} and renames it, never touching {@code members},
 * {@code events} or {@code catalog}; live indexers do not write to it (they only look for
 * {@code members__build_*} and {@code events__build_*}).
 *
 * <p>Run it on the 1M world with the live Solr's cores untouched, e.g.
 * {@code DB_URL=jdbc:mariadb://127.0.0.1:3306/expat_bench bin/expat-search bench bulk --table members}.
 */
@Command(name = "bulk", mixinStandardHelpOptions = true, usageHelpWidth = 120,
    description = {
      "Full rebuild from MariaDB (Reindexer, into a fresh core of its own) beside a plain bulk load of the",
      "same documents into another fresh core, same threads and page size: docs/s, wall time, ratio.",
      "Never writes to the live cores; drops both cores at the end. Loopback Solr only.",
      "Environment: DB_URL, DB_USER, DB_PASSWORD, DB_POOL_SIZE (as the indexer), REINDEX_THREADS,",
      "REINDEX_PAGE_SIZE (the defaults of --threads and --page-size)."
    })
public final class BulkCommand implements Callable<Integer> {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);
  private static final Set<String> LIVE = Set.of(Cores.MEMBERS, Cores.EVENTS, Cores.CATALOG);

  @Option(names = "--solr", defaultValue = "http://127.0.0.1:8983/solr",
      description = "the Solr node (loopback only; default ${DEFAULT-VALUE})")
  String solr;

  @Option(names = "--table", defaultValue = "members", description = "members or events (default ${DEFAULT-VALUE})")
  String table;

  @Option(names = "--threads", description = "pages loaded in parallel (default: REINDEX_THREADS, else the rebuild's 4)")
  Integer threads;

  @Option(names = "--page-size", description = "ids per page and documents per update (default: REINDEX_PAGE_SIZE, else 1000)")
  Integer pageSize;

  @Option(names = "--limit", defaultValue = "0",
      description = "only the first N ids of the table (0: all; default ${DEFAULT-VALUE})")
  long limit;

  @Option(names = "--keep-cores", description = "keep both cores for inspection instead of dropping them")
  boolean keepCores;

  @Option(names = "--unsorted-plain",
      description = "also load the file plainly into a core without the index sort by city, after the sorted plain load")
  boolean unsortedPlain;

  @Option(names = "--no-sorted-plain",
      description = "skip the plain load into a core sorted by city (b), e.g. with --unsorted-plain on 1M members:"
          + " four senders in id order make Solr sort every flushed segment, the slowest step by far")
  boolean noSortedPlain;

  @Option(names = "--keep-documents", description = "keep the javabin document file in the output directory")
  boolean keepDocuments;

  @Option(names = "--out", paramLabel = "DIR",
      description = "where report.md, result.json and the chart go (default benchmarks/results/<timestamp>-bulk-<table>)")
  Path out;

  @Mixin DbOptions db;

  @Override
  public Integer call() throws IOException, InterruptedException {
    run(System.err);
    return 0;
  }

  /** Runs the three steps and writes the report; returns its figures. */
  BulkResult run(PrintStream log) throws IOException, InterruptedException {
    Table source = switch (table) {
      case "members" -> Table.MEMBERS;
      case "events" -> Table.EVENTS;
      default -> throw new IllegalArgumentException("--table " + table + ": members or events");
    };
    ReindexSettings defaults = ReindexSettings.from(Env.system());
    int threadCount = threads != null ? threads : defaults.threads();
    int pages = pageSize != null ? pageSize : defaults.pageSize();
    if (threadCount < 1 || threadCount > 32) {
      throw new IllegalArgumentException("--threads " + threadCount + " must be 1..32");
    }
    if (pages < 1 || pages > 10_000) {
      throw new IllegalArgumentException("--page-size " + pages + " must be 1..10000");
    }
    if (limit < 0) {
      throw new IllegalArgumentException("--limit " + limit + " must be 0 (all) or more");
    }
    URI solrUri = Loopback.require(solr);
    RunStamp stamp = RunStamp.capture(BenchMain.commandLineText());
    Path dir = Outputs.directory(out, "bulk-" + table);
    String runStamp = STAMP.format(stamp.at()).toLowerCase(Locale.ROOT);
    String plainCore = "bench_plain_" + table + "_" + runStamp;
    String unsortedCore = "bench_unsorted_" + table + "_" + runStamp;
    String rebuildCore = "bench_rebuild_" + table + "_" + runStamp;
    if (LIVE.contains(plainCore) || LIVE.contains(rebuildCore)) {
      throw new IllegalStateException("refusing to load into a live core");
    }
    DbSettings dbSettings = db.settings();
    dbSettings = db.settings(Math.max(dbSettings.poolSize(), threadCount));
    Path documents = dir.resolve("documents-" + table + ".javabin");
    // As ReindexCommand: its request timeout for bulk updates, its SolrSearchIndex.
    SolrSettings solrSettings = SolrSettings.at(solrUri).withRequestTimeout(Duration.ofSeconds(120));
    BulkResult result;
    try (HikariDataSource pool = RowSources.pool(dbSettings, "bench-bulk");
        SolrClient client = SolrClients.create(solrSettings)) {
      IndexAdmin admin = new SolrIndexAdmin(client);
      // The rebuild's settings, its order and write deadline among them, as `reindex` reads them here;
      // the plain load gets the same deadline.
      ReindexSettings configured = ReindexSettings.from(Env.system());
      SearchIndex index = new SolrSearchIndex(client, configured.writeDeadline());
      for (String core : List.of(plainCore, unsortedCore, rebuildCore)) {
        if (admin.exists(core)) {
          throw new IllegalStateException("core " + core + " exists already; drop it or wait a second");
        }
      }
      RebuildSource rows = LimitedRows.firstIds(RowSources.mariaDb(pool), source, limit);
      log.printf(Locale.ROOT, "bulk %s: %,d rows, %d threads, pages of %d, MariaDB %s%n", table,
          rows.count(source), threadCount, pages, dbSettings.url());

      PhaseCpu cpu = new PhaseCpu(solr);
      PhaseCpu.Reading cpuBefore = cpu.read();
      BulkExport.Result exported;
      try (DocumentFile.Writer file = new DocumentFile.Writer(documents)) {
        exported = BulkExport.run(rows, source, pages, threadCount, file);
      }
      PhaseCpu.Reading readMapCpu = cpu.read().minus(cpuBefore);
      log.printf(Locale.ROOT, "(a) read + map: %,d rows, %,d documents in %s s%n", exported.rows(),
          exported.documents(), Outputs.seconds(exported.nanos()));

      PlainRun plain = noSortedPlain ? null
          : plainLoad(documents, admin::createBulkCore, index, admin, plainCore, threadCount, cpu, log);
      if (plain != null) {
        log.printf(Locale.ROOT, "(b) plain bulk load: %,d documents in %s s%n", plain.phase().documents(),
            Outputs.seconds(plain.phase().nanos()));
      }
      PlainRun unsorted = !unsortedPlain ? null
          : plainLoad(documents, core -> createUnsortedBulkCore(client, core), index, admin, unsortedCore, threadCount,
              cpu, log);
      if (unsorted != null) {
        log.printf(Locale.ROOT, "(b2) plain bulk load, unsorted core: %,d documents in %s s%n",
            unsorted.phase().documents(), Outputs.seconds(unsorted.phase().nanos()));
      }

      ReindexSettings settings = new ReindexSettings(pages, threadCount, configured.runRows(), 0.0, Duration.ZERO, Duration.ZERO,
          Duration.ofSeconds(5), 0, configured.writeDeadline(), source == Table.MEMBERS ? rebuildCore : "bench_unused_members",
          source == Table.EVENTS ? rebuildCore : "bench_unused_events", "bench_unused_catalog");
      cpuBefore = cpu.read();
      long rebuildStart = System.nanoTime();
      WriteLog rebuildLog = new WriteLog(rebuildStart);
      long rebuildNanos;
      long rebuildFound;
      PhaseCpu.Reading rebuildCpu;
      try {
        new Reindexer(rows, new MeteredIndex(index, rebuildLog), admin, settings, Clock.systemUTC(), log)
            .rebuild(source == Table.MEMBERS ? Target.MEMBERS : Target.EVENTS);
        rebuildNanos = System.nanoTime() - rebuildStart;
        rebuildFound = index.count(rebuildCore);
        rebuildCpu = cpu.read().minus(cpuBefore);
      } finally {
        dropUnlessKept(admin, rebuildCore, log);
      }
      log.printf(Locale.ROOT, "(c) rebuild: %,d documents in %s s%n", rebuildLog.documents(),
          Outputs.seconds(rebuildNanos));

      result = new BulkResult(table, threadCount, pages, dbSettings.poolSize(), limit, exported.rows(),
          new BulkResult.Phase(exported.documents(), exported.upserts(), exported.tombstones(), exported.pages(),
              exported.nanos(), -1, readMapCpu),
          plain == null ? null : plain.phase(),
          unsorted == null ? null : unsorted.phase(),
          new BulkResult.Phase(rebuildLog.documents(), rebuildLog.upserts(), rebuildLog.tombstones(),
              rebuildLog.requests(), rebuildNanos, rebuildFound, rebuildCpu));
      Outputs.text(dir.resolve("report.md"), result.markdown(stamp, plainCore, unsortedCore, rebuildCore));
      Outputs.json(dir.resolve("result.json"), result);
      long longest = rebuildNanos;
      for (PlainRun run : new PlainRun[] {plain, unsorted}) {
        longest = run == null ? longest : Math.max(longest, run.phase().nanos());
      }
      long window = Math.max(100_000_000L, longest >= 30_000_000_000L ? 1_000_000_000L : longest / 30);
      Map<String, List<double[]>> series = new LinkedHashMap<>();
      if (plain != null) {
        series.put("plain bulk load", plain.log().rate(window, plain.phase().nanos()));
      }
      if (unsorted != null) {
        series.put("plain bulk load, unsorted core", unsorted.log().rate(window, unsorted.phase().nanos()));
      }
      series.put("rebuild (Reindexer)", rebuildLog.rate(window, rebuildNanos));
      IndexingCharts.lines(dir.resolve("docs-per-second.png"), stamp,
          "Loading " + table + ": documents accepted by Solr per second (" + threadCount + " threads, pages of "
              + pages + ")", "seconds since the load started", "documents/s", series);
    } finally {
      if (!keepDocuments) {
        Files.deleteIfExists(documents);
      }
    }
    log.println(result.markdown(stamp, plainCore, unsortedCore, rebuildCore));
    log.println("report: " + dir.resolve("report.md"));
    return result;
  }

  /** A plain load's figures and the log of its writes (for the chart). */
  private record PlainRun(BulkResult.Phase phase, WriteLog log) {}

  /**
   * Step (b) or (b2): the document file into a fresh core made by {@code create}, committed,
   * counted, then dropped unless kept; its CPU measured from the core's creation to the count.
   */
  private PlainRun plainLoad(Path documents, Consumer<String> create, SearchIndex index,
      IndexAdmin admin, String core, int threadCount, PhaseCpu cpu, PrintStream log)
      throws IOException, InterruptedException {
    PhaseCpu.Reading before = cpu.read();
    long start = System.nanoTime();
    WriteLog writes = new WriteLog(start);
    try (DocumentFile.Reader file = new DocumentFile.Reader(documents)) {
      long nanos = PlainLoad.run(file, create, new MeteredIndex(index, writes), core, threadCount, start);
      long found = index.count(core);
      return new PlainRun(new BulkResult.Phase(writes.documents(), writes.upserts(), writes.tombstones(),
          writes.requests(), nanos, found, cpu.read().minus(before)), writes);
    } finally {
      dropUnlessKept(admin, core, log);
    }
  }

  /**
   * A bulk core as {@link IndexAdmin#createBulkCore} makes one (configset {@code expat}, soft
   * commits off) but without its index sort by city: the reference that isolates what the sort
   * costs. Standalone Solr only, as the whole command (loopback).
   */
  private static void createUnsortedBulkCore(SolrClient client, String name) {
    ModifiableSolrParams params = new ModifiableSolrParams();
    params.set("action", "CREATE");
    params.set("name", name);
    params.set("instanceDir", name);
    params.set("configSet", Cores.CONFIGSET);
    params.set("property.expat.softCommitMs", "-1");
    try {
      client.request(new GenericSolrRequest(SolrRequest.METHOD.POST, "/admin/cores", params).setRequiresCollection(false));
    } catch (SolrServerException | IOException e) {
      throw new IllegalStateException("could not create core " + name + ": " + e.getMessage(), e);
    }
  }

  private void dropUnlessKept(IndexAdmin admin, String core, PrintStream log) {
    if (keepCores) {
      log.println("kept core " + core);
      return;
    }
    try {
      if (admin.exists(core)) {
        admin.drop(core);
      }
    } catch (RuntimeException e) {
      log.println("could not drop core " + core + ": " + e.getMessage());
    }
  }
}
