package com.expat.search.bench.report;

import com.expat.search.bench.load.Latencies;
import com.expat.search.bench.load.RateStep;
import com.expat.search.bench.load.SeriesKey;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The Markdown report of a rate sweep: per rate, one row per endpoint and cache tier with the
 * latency percentiles (from the intended send time), the uncorrected p99 for comparison, and the
 * throughput; then the errors. Times in milliseconds. Stateless.
 */
public final class LoadReport {
  private LoadReport() {}

  public static String markdown(String title, RunStamp stamp, List<RateStep> steps) {
    StringBuilder out = new StringBuilder();
    out.append("# ").append(title).append("\n\n");
    out.append("- machine: ").append(stamp.cores()).append(" cores, ").append(stamp.cpu()).append('\n');
    out.append("- JVM: ").append(stamp.jvm()).append('\n');
    out.append("- commit: ").append(stamp.commit()).append('\n');
    out.append("- when: ").append(stamp.at()).append('\n');
    out.append("- command: `").append(stamp.commandLine()).append("`\n\n");
    out.append("Latency counts from each request's intended send time (open loop, corrected for ")
        .append("coordinated omission); \"p99 uncorr.\" counts from the actual send, as a closed-loop ")
        .append("tool would.\n\n");
    out.append(summary(steps));
    for (RateStep step : steps) {
      out.append("\n## ").append(fmt(step.targetRate())).append(" requests/s\n\n");
      out.append("Scheduled ").append(step.scheduled()).append(", answered OK ").append(step.completed())
          .append(", throughput ").append(fmt(step.throughput())).append("/s, errors ")
          .append(step.latencies().errorCount()).append(", generator send lag p99 ")
          .append(ms(step.latencies().sendLag().getValueAtPercentile(99))).append(" ms.\n\n");
      out.append(table(step.latencies()));
      Map<String, Map<String, Long>> errors = step.latencies().errors();
      if (!errors.isEmpty()) {
        out.append("\n| endpoint | errors |\n|---|---|\n");
        errors.forEach((endpoint, reasons) -> out.append("| ").append(endpoint).append(" | ")
            .append(reasons.toString().replaceAll("[{}]", "")).append(" |\n"));
      }
    }
    return out.toString();
  }

  /** One row per rate: all requests together, then the uncached tier alone. */
  public static String summary(List<RateStep> steps) {
    StringBuilder out = new StringBuilder();
    out.append("| rate/s | throughput/s | errors | p50 | p90 | p99 | p99.9 | max | uncached p50 | uncached p99 |\n");
    out.append("|---|---|---|---|---|---|---|---|---|---|\n");
    for (RateStep step : steps) {
      Histogram all = step.latencies().all();
      Histogram uncached = byTier(step.latencies()).getOrDefault("uncached", new Histogram(3));
      out.append("| ").append(fmt(step.targetRate())).append(" | ").append(fmt(step.throughput())).append(" | ")
          .append(step.latencies().errorCount()).append(" | ")
          .append(ms(all.getValueAtPercentile(50))).append(" | ")
          .append(ms(all.getValueAtPercentile(90))).append(" | ")
          .append(ms(all.getValueAtPercentile(99))).append(" | ")
          .append(ms(all.getValueAtPercentile(99.9))).append(" | ")
          .append(ms(all.getMaxValue())).append(" | ")
          .append(ms(uncached.getValueAtPercentile(50))).append(" | ")
          .append(ms(uncached.getValueAtPercentile(99))).append(" |\n");
    }
    return out.toString();
  }

  static String table(Latencies latencies) {
    StringBuilder out = new StringBuilder();
    out.append("| endpoint | tier | count | p50 | p90 | p99 | p99.9 | max | p99 uncorr. |\n");
    out.append("|---|---|---|---|---|---|---|---|---|\n");
    Map<SeriesKey, Histogram> service = latencies.service();
    latencies.latency().forEach((key, h) -> out.append("| ").append(key.endpoint()).append(" | ").append(key.tier())
        .append(" | ").append(h.getTotalCount())
        .append(" | ").append(ms(h.getValueAtPercentile(50)))
        .append(" | ").append(ms(h.getValueAtPercentile(90)))
        .append(" | ").append(ms(h.getValueAtPercentile(99)))
        .append(" | ").append(ms(h.getValueAtPercentile(99.9)))
        .append(" | ").append(ms(h.getMaxValue()))
        .append(" | ").append(ms(service.get(key).getValueAtPercentile(99)))
        .append(" |\n"));
    return out.toString();
  }

  /** The step's latencies merged across endpoints, by tier. */
  public static Map<String, Histogram> byTier(Latencies latencies) {
    Map<String, Histogram> result = new TreeMap<>();
    latencies.latency().forEach((key, h) -> result.merge(key.tier(), h, (a, b) -> {
      a.add(b);
      return a;
    }));
    return result;
  }

  /** Microseconds as milliseconds with two decimals. */
  static String ms(double micros) {
    return String.format(Locale.ROOT, "%.2f", micros / 1000.0);
  }

  static String fmt(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
  }
}
