package com.expat.search.bench.indexing;

import static com.expat.search.bench.indexing.Outputs.fixed;
import static com.expat.search.bench.indexing.Outputs.number;
import static com.expat.search.bench.indexing.Outputs.seconds;

import com.expat.search.bench.report.RunStamp;

/**
 * The figures of one {@code bench bulk} run, as written to {@code report.md} and
 * {@code result.json}.
 *
 * @param table {@code members} or {@code events}
 * @param rows rows read and mapped (each becomes one document or one tombstone)
 * @param readMap reading and mapping into the document file (step a)
 * @param plain the plain bulk load of that file (step b); null when skipped ({@code --no-sorted-plain})
 * @param plainUnsorted the same into a core without the index sort by city (step b2, {@code
 *     --unsorted-plain}); null when not run
 * @param rebuild the rebuild through the indexer's Reindexer (step c)
 */
record BulkResult(String table, int threads, int pageSize, int dbPoolSize, long limit, long rows,
    Phase readMap, Phase plain, Phase plainUnsorted, Phase rebuild) {

  /**
   * One timed phase.
   *
   * @param documents documents sent (upserts + tombstones)
   * @param upserts documents of indexed rows
   * @param tombstones tombstones of rows that are not indexed
   * @param requests update requests (pages)
   * @param nanos wall time
   * @param searchable documents a search of the core finds after the final commit (-1: not a load)
   * @param cpu the CPU time the bench JVM, Solr and MariaDB used during the phase ({@link PhaseCpu})
   */
  record Phase(long documents, long upserts, long tombstones, long requests, long nanos, long searchable,
      PhaseCpu.Reading cpu) {
    double perSecond() {
      return documents / Math.max(nanos / 1e9, 1e-9);
    }

    /** CPU milliseconds per 1,000 documents of {@code nanos} used; "-" when not known. */
    String perThousand(long cpuNanos) {
      return cpuNanos < 0 ? "-" : fixed(cpuNanos / 1e6 / Math.max(documents / 1e3, 1e-9), 1);
    }
  }

  /** How much longer the rebuild took than the plain load of the same documents; NaN when not run. */
  double rebuildOverPlain() {
    return plain == null ? Double.NaN : rebuild.nanos / (double) Math.max(1, plain.nanos);
  }

  /**
   * How much longer the rebuild, into a core sorted by city, took than the plain load into an
   * unsorted core: the 1.2x; NaN when not run.
   */
  double rebuildOverUnsorted() {
    return plainUnsorted == null ? Double.NaN : rebuild.nanos / (double) Math.max(1, plainUnsorted.nanos);
  }

  /** How much longer the sorted plain load took than the unsorted one; NaN when not run. */
  double sortedOverUnsorted() {
    return plainUnsorted == null || plain == null ? Double.NaN : plain.nanos / (double) Math.max(1, plainUnsorted.nanos);
  }

  String markdown(RunStamp stamp, String plainCore, String unsortedCore, String rebuildCore) {
    StringBuilder out = new StringBuilder();
    out.append("# Full rebuild of ").append(table).append(" against a plain bulk load\n\n");
    out.append("- machine: ").append(stamp.cores()).append(" cores, ").append(stamp.cpu()).append('\n');
    out.append("- JVM: ").append(stamp.jvm()).append('\n');
    out.append("- commit: ").append(stamp.commit()).append('\n');
    out.append("- when: ").append(stamp.at()).append('\n');
    out.append("- command: `").append(stamp.commandLine()).append("`\n");
    out.append("- threads: ").append(threads).append(", page size: ").append(pageSize)
        .append(", MariaDB pool: ").append(dbPoolSize)
        .append(limit > 0 ? ", limit: first " + limit + " ids" : "").append('\n');
    out.append("- rows read and mapped: ").append(rows).append("\n\n");
    out.append("| phase | documents | upserts | tombstones | requests | seconds | docs/s | found after commit |\n");
    out.append("|---|---|---|---|---|---|---|---|\n");
    row(out, "read + map to file (a)", readMap);
    if (plain != null) {
      row(out, "plain bulk load (b), core " + plainCore, plain);
    }
    if (plainUnsorted != null) {
      row(out, "plain bulk load, unsorted core (b2), core " + unsortedCore, plainUnsorted);
    }
    row(out, "rebuild, Reindexer (c), core " + rebuildCore, rebuild);
    out.append('\n');
    out.append("CPU per 1,000 documents (ms; process CPU over the phase: the bench JVM, which reads and maps")
        .append(" for (a) and (c) and decodes and sends for (b); Solr's `os.processCpuTime`; the MariaDB server's")
        .append(" utime + stime, every client's queries):\n\n");
    out.append("| phase | bench JVM | Solr | MariaDB | all three |\n|---|---|---|---|---|\n");
    cpuRow(out, "read + map to file (a)", readMap);
    if (plain != null) {
      cpuRow(out, "plain bulk load (b)", plain);
    }
    if (plainUnsorted != null) {
      cpuRow(out, "plain bulk load, unsorted core (b2)", plainUnsorted);
    }
    cpuRow(out, "rebuild (c)", rebuild);
    out.append('\n');
    if (plain != null) {
      out.append("**Rebuild / plain: ").append(fixed(rebuildOverPlain(), 2)).append("× the wall time** (")
          .append(number(rebuild.perSecond())).append(" against ").append(number(plain.perSecond()))
          .append(" docs/s). The difference is the cost of our pipeline: reading MariaDB in keyset pages with")
          .append(" the live sync's set-based queries and mapping rows to documents, with the same threads,")
          .append(" pages and Solr client as the plain load.\n\n");
    }
    if (plainUnsorted != null && plain != null) {
      out.append("**Index sort by city: the sorted plain load took ").append(fixed(sortedOverUnsorted(), 2))
          .append("× the unsorted one** (").append(number(plain.perSecond())).append(" against ")
          .append(number(plainUnsorted.perSecond()))
          .append(" docs/s): what sorting each flushed segment and every merge by `city_id` costs Solr,")
          .append(" the rebuild's cores being sorted (b) and (c), the unsorted one not.\n\n");
    }
    if (plainUnsorted != null) {
      out.append("**Rebuild / unsorted plain: ").append(fixed(rebuildOverUnsorted(), 2))
          .append("× the wall time** (").append(number(rebuild.perSecond())).append(" against ")
          .append(number(plainUnsorted.perSecond())).append(" docs/s): the rebuild from MariaDB into its")
          .append(" sorted core against feeding Solr the finished documents without any sort.\n\n");
    }
    out.append("Both loads are timed from creating their core (configset `expat`, soft commits off) to the")
        .append(" end of the final hard commit; the rebuild also includes its catch-up pass, its count and")
        .append(" the core rename of a first build (it never touches the live cores). The plain load")
        .append(" decodes each page from javabin in its loader threads. Docs/s over time:")
        .append(" `docs-per-second.png`.\n");
    return out.toString();
  }

  private static void cpuRow(StringBuilder out, String name, Phase phase) {
    PhaseCpu.Reading cpu = phase.cpu();
    out.append("| ").append(name).append(" | ").append(phase.perThousand(cpu.bench())).append(" | ")
        .append(phase.perThousand(cpu.solr())).append(" | ").append(phase.perThousand(cpu.db())).append(" | ")
        .append(phase.perThousand(cpu.bench() + cpu.solr() + Math.max(0, cpu.db()))).append(" |\n");
  }

  private static void row(StringBuilder out, String name, Phase phase) {
    out.append("| ").append(name).append(" | ").append(phase.documents()).append(" | ").append(phase.upserts())
        .append(" | ").append(phase.tombstones()).append(" | ").append(phase.requests()).append(" | ")
        .append(seconds(phase.nanos())).append(" | ").append(number(phase.perSecond())).append(" | ")
        .append(phase.searchable() < 0 ? "-" : Long.toString(phase.searchable())).append(" |\n");
  }
}
