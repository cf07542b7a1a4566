package com.expat.search.bench.cost;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A process's CPU read from Linux's {@code /proc}, found by the TCP port it listens on: nothing is
 * asked of the process itself. Reading a service's {@code /metrics} costs it a scrape (~2 ms) and,
 * worse, every few scrapes its JIT compiles more of the scrape's code, on the compiler threads,
 * while the next requests are measured: after 36,000 requests a service's figure in {@code bench
 * cost} still carried 0.06-0.28 ms of compiling per member search, most of it the scrape's own
 * code (docs/benchmarks.md, "The bench reads CPU from /proc"). Here the process's CPU is {@code
 * utime + stime} of {@code /proc/<pid>/stat}, and what its JIT compiled is the CPU of its threads
 * named {@code C1 CompilerThread*} and {@code C2 CompilerThread*} (HotSpot's names), not the
 * elapsed compile time the JVM reports. Times are in clock ticks of {@value #TICKS_PER_SECOND} a
 * second: Linux's {@code USER_HZ} on every architecture a JVM runs on. Stateless.
 */
final class ProcCpu implements ProcessCpu {
  /** Linux's {@code USER_HZ}: the unit of the times in {@code /proc/<pid>/stat}. */
  static final int TICKS_PER_SECOND = 100;
  /** HotSpot's compiler threads, as {@code /proc} shortens their names to 15 characters. */
  private static final List<String> COMPILER_THREADS = List.of("C1 CompilerThre", "C2 CompilerThre");
  private static final int LISTEN = 0x0A;

  private final Path proc;
  private final long pid;

  ProcCpu(Path proc, long pid) {
    this.proc = proc;
    this.pid = pid;
  }

  /**
   * The process on this machine listening on TCP {@code port}, when {@code /proc} (under {@code
   * proc}) shows one that this user may look into; empty otherwise (not Linux, another user's
   * process, a port forwarded from elsewhere).
   */
  static Optional<ProcCpu> listeningOn(Path proc, int port) {
    try {
      OptionalLong inode = listeningSocket(proc, port);
      if (inode.isEmpty()) {
        return Optional.empty();
      }
      OptionalLong pid = owner(proc, inode.getAsLong());
      return pid.isPresent() ? Optional.of(new ProcCpu(proc, pid.getAsLong())) : Optional.empty();
    } catch (IOException | DirectoryIteratorException e) {
      return Optional.empty();
    }
  }

  long pid() {
    return pid;
  }

  @Override
  public Reading read() {
    try {
      long compiling = 0;
      try (DirectoryStream<Path> tasks = Files.newDirectoryStream(proc.resolve(Long.toString(pid)).resolve("task"))) {
        for (Path task : tasks) {
          try {
            String name = Files.readString(task.resolve("comm")).strip();
            if (COMPILER_THREADS.stream().anyMatch(name::startsWith)) {
              compiling += ticks(Files.readString(task.resolve("stat")));
            }
          } catch (NoSuchFileException ended) {
            // a thread that ended between the listing and the reading
          }
        }
      }
      long cpu = ticks(Files.readString(proc.resolve(Long.toString(pid)).resolve("stat")));
      return new Reading(duration(cpu), Optional.of(duration(compiling)));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the CPU of process " + pid + " from " + proc + ": " + e.getMessage(), e);
    }
  }

  /** {@code utime + stime} of a {@code stat} line, in ticks. */
  static long ticks(String stat) {
    // The command name, in parentheses, may hold spaces and parentheses: the fields follow the last ')'.
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).strip().split(" ");
    if (fields.length < 13) {
      throw new IllegalStateException("not a /proc stat line: " + stat);
    }
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  private static Duration duration(long ticks) {
    return Duration.ofMillis(ticks * 1000 / TICKS_PER_SECOND);
  }

  /** The inode of the socket listening on {@code port} (IPv4 or IPv6), from {@code net/tcp} and {@code net/tcp6}. */
  static OptionalLong listeningSocket(Path proc, int port) throws IOException {
    String wanted = String.format(Locale.ROOT, ":%04X", port);
    for (String table : List.of("tcp", "tcp6")) {
      Path file = proc.resolve("net").resolve(table);
      if (!Files.isReadable(file)) {
        continue;
      }
      for (String line : Files.readAllLines(file)) {
        // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
        String[] columns = line.strip().split("\\s+");
        if (columns.length < 10 || !columns[1].endsWith(wanted)) {
          continue;
        }
        try {
          if (Integer.parseInt(columns[3], 16) == LISTEN) {
            return OptionalLong.of(Long.parseLong(columns[9]));
          }
        } catch (NumberFormatException header) {
          // the table's heading line
        }
      }
    }
    return OptionalLong.empty();
  }

  /** The process holding socket {@code inode} open, from the links in {@code <pid>/fd}. */
  static OptionalLong owner(Path proc, long inode) throws IOException {
    String link = "socket:[" + inode + "]";
    try (DirectoryStream<Path> processes = Files.newDirectoryStream(proc, entry -> entry.getFileName().toString().matches("\\d+"))) {
      for (Path process : processes) {
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(process.resolve("fd"))) {
          for (Path fd : fds) {
            if (Files.isSymbolicLink(fd) && Files.readSymbolicLink(fd).toString().equals(link)) {
              return OptionalLong.of(Long.parseLong(process.getFileName().toString()));
            }
          }
        } catch (IOException | DirectoryIteratorException notOurs) {
          // another user's process, or one that ended while listed
        }
      }
    }
    return OptionalLong.empty();
  }
}
