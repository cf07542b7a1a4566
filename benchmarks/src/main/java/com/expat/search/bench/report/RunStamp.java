package com.expat.search.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * What every report and chart carries so that a figure can be traced: the machine (cores, CPU
 * model from {@code /proc/cpuinfo}), the JVM, the git commit of the working tree and the command
 * line that produced it.
 */
public record RunStamp(int cores, String cpu, String jvm, String commit, String commandLine, Instant at) {
  public RunStamp {
    Objects.requireNonNull(cpu, "cpu");
    Objects.requireNonNull(jvm, "jvm");
    Objects.requireNonNull(commit, "commit");
    Objects.requireNonNull(commandLine, "commandLine");
    Objects.requireNonNull(at, "at");
  }

  /** The stamp of this process, now. */
  public static RunStamp capture(String commandLine) {
    return new RunStamp(
        Runtime.getRuntime().availableProcessors(),
        cpuModel(),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
        gitCommit(),
        commandLine,
        Instant.now());
  }

  /** One line: {@code 2 cores, AMD EPYC · OpenJDK ... · commit d27c085 · <command>}. */
  public String line() {
    return cores + " cores, " + cpu + " · " + jvm + " · commit " + commit + " · " + at;
  }

  static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).strip();
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: fall through
    }
    return System.getProperty("os.arch");
  }

  static String gitCommit() {
    try {
      Process process = new ProcessBuilder(List.of("git", "rev-parse", "--short", "HEAD"))
          .redirectErrorStream(true)
          .start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (process.waitFor(5, TimeUnit.SECONDS) && process.exitValue() == 0 && !out.isEmpty()) {
        Process status = new ProcessBuilder(List.of("git", "status", "--porcelain", "--untracked-files=no"))
            .redirectErrorStream(true)
            .start();
        String changes = new String(status.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        status.waitFor(5, TimeUnit.SECONDS);
        return changes.isEmpty() ? out : out + "+dirty";
      }
    } catch (IOException e) {
      // no git: unknown
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return "unknown";
  }
}
