package com.expat.search.bench.load;

import com.expat.search.bench.report.Charts;
import com.expat.search.bench.report.LoadReport;
import com.expat.search.bench.report.RunStamp;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Runs the rates of a sweep one after the other with one {@link OpenLoopRunner} and writes the
 * results into a directory: {@code report.md}, {@code latency-by-tier-<rate>.png},
 * {@code latency-vs-rate.png}, the full HdrHistogram percentile distribution of every step
 * ({@code latency-<rate>.hgrm}) and, if asked, {@code docs-snippet.md}. Caches stay warm from one
 * rate to the next, as they would in production; the uncached share is set by the caller's
 * transport (see {@link CacheBuster}).
 */
public final class Sweep {
  private Sweep() {}

  public static List<RateStep> run(
      String title, OpenLoopRunner runner, List<LoadRequest> mix, SweepOptions options, RunStamp stamp, PrintStream log) {
    options.validate();
    Path dir = options.outDir(title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
    List<RateStep> steps = new ArrayList<>();
    for (double rate : options.rates()) {
      log.printf("%s: %s/s for %s after %s warm-up...%n", title, LoadReportFormat.rate(rate), options.duration(), options.warmup());
      RateStep step = runner.run(mix, rate, options.warmup(), options.duration(), options.maxRequests());
      Histogram all = step.latencies().all();
      log.printf("  throughput %.1f/s, p50 %.2f ms, p99 %.2f ms, max %.2f ms, errors %d%n",
          step.throughput(), all.getValueAtPercentile(50) / 1000.0, all.getValueAtPercentile(99) / 1000.0,
          all.getMaxValue() / 1000.0, step.latencies().errorCount());
      steps.add(step);
    }
    write(dir, title, stamp, steps, options.snippet());
    log.println("results in " + dir.toAbsolutePath());
    return steps;
  }

  static void write(Path dir, String title, RunStamp stamp, List<RateStep> steps, boolean snippet) {
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("report.md"), LoadReport.markdown(title, stamp, steps), StandardCharsets.UTF_8);
      for (RateStep step : steps) {
        String rate = LoadReportFormat.rate(step.targetRate());
        Charts.percentilesByTier(dir.resolve("latency-by-tier-" + rate + ".png"), stamp,
            title + ": latency by cache tier at " + rate + "/s", step);
        try (PrintStream out = new PrintStream(Files.newOutputStream(dir.resolve("latency-" + rate + ".hgrm")), true,
            StandardCharsets.UTF_8)) {
          step.latencies().all().outputPercentileDistribution(out, 1000.0);
        }
      }
      Charts.latencyAgainstRate(dir.resolve("latency-vs-rate.png"), stamp, title + ": latency against rate", steps);
      if (snippet) {
        String text = "### " + title + " (" + stamp.at().toString().substring(0, 10) + ", commit " + stamp.commit() + ")\n\n"
            + "```sh\n" + stamp.commandLine() + "\n```\n\n"
            + LoadReport.summary(steps)
            + "\nMachine: " + stamp.cores() + " cores " + stamp.cpu() + ", " + stamp.jvm()
            + ". Milliseconds, from each request's intended send time.\n";
        Files.writeString(dir.resolve("docs-snippet.md"), text, StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write results into " + dir, e);
    }
  }

  /** Formatting shared by file names and logs. */
  static final class LoadReportFormat {
    static String rate(double rate) {
      return rate == Math.rint(rate) ? String.valueOf((long) rate) : String.valueOf(rate);
    }
  }
}
