package com.expat.search.bench.indexing;

import com.expat.search.bench.cost.ProcessCpu;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * The CPU time each process of a load has used so far: this JVM (which reads and maps for the
 * rebuild and decodes and sends for the plain load), Solr (its {@code os.processCpuTime}) and the
 * local MariaDB server (utime + stime from {@code /proc}, when a {@code mariadbd} or {@code mysqld}
 * process is visible; its CPU covers every client's queries). The difference of two readings is
 * what a phase cost each: on a shared machine a comparable figure where wall time is not.
 */
final class PhaseCpu {
  /** CPU nanoseconds used so far; {@code db} is -1 when no MariaDB process is visible. */
  record Reading(long bench, long solr, long db) {
    /** What was used between {@code before} and this reading. */
    Reading minus(Reading before) {
      return new Reading(bench - before.bench, solr - before.solr,
          db < 0 || before.db < 0 ? -1 : db - before.db);
    }
  }

  private static final long TICK_NANOS = 10_000_000L; // USER_HZ 100, as on every Linux this runs on

  private final ProcessCpu solr;
  private final Path dbStat;

  PhaseCpu(String solrUrl) {
    this.solr = ProcessCpu.solr(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), solrUrl);
    this.dbStat = mariaDbStat();
  }

  Reading read() {
    long bench = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
    return new Reading(bench, solr.used().toNanos(), dbStat == null ? -1 : ticks(dbStat).orElse(-1));
  }

  private static Path mariaDbStat() {
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
          .filter(p -> {
            try {
              String comm = Files.readString(p.resolve("comm")).strip();
              return comm.equals("mariadbd") || comm.equals("mysqld");
            } catch (IOException e) {
              return false;
            }
          })
          .map(p -> p.resolve("stat")).findFirst().orElse(null);
    } catch (IOException e) {
      return null;
    }
  }

  /** utime + stime of a {@code /proc/<pid>/stat}, in nanoseconds. */
  private static OptionalLong ticks(Path stat) {
    try {
      String text = Files.readString(stat);
      String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
      // fields[0] is the state (field 3 of stat); utime and stime are fields 14 and 15
      return OptionalLong.of((Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * TICK_NANOS);
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty();
    }
  }
}
