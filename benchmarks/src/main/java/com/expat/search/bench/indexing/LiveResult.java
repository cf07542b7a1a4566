package com.expat.search.bench.indexing;

import static com.expat.search.bench.indexing.Outputs.fixed;

import com.expat.search.bench.report.RunStamp;
import java.util.Map;

/**
 * The figures of one {@code bench live} run, as written to {@code report.md} and
 * {@code result.json}. Latencies in milliseconds, from the publish of the change message to the
 * first poll that saw the new version.
 *
 * @param mode how changes were paced, in words
 * @param attempted changes the generator meant to make
 * @param published changes committed and published (confirmed by RabbitMQ)
 * @param visible published changes seen in a search
 * @param notVisible published changes not seen within the wait after the last publish
 * @param errors changes not published, by reason (overflow: due while too many were in flight)
 * @param publishPerSecond published changes after the warm-up over the time from their first publish to the last
 * @param sustainedPerSecond visible changes over the time from the first publish to the last visible
 * @param generatorLagP99 open loop only: how late changes started against their schedule, p99
 * @param warmupSeconds changes published in this first part of the run are not in the figures
 * @param warmupVisible those changes, all seen visible (in {@code published}, not in {@code visible})
 * @param pollsTruncated polls that matched more documents than they read
 */
record LiveResult(String core, String mode, int writers, long attempted, long published, long visible,
    long notVisible, Map<String, Long> errors, double publishPerSecond, double sustainedPerSecond,
    double sustainedSeconds, double p50, double p90, double p99, double p999, double max,
    double generatorLagP99, double pollP50, double pollP99, long pollErrors, double warmupSeconds,
    long warmupVisible, long pollsTruncated) {

  String markdown(RunStamp stamp) {
    StringBuilder out = new StringBuilder();
    out.append("# Live sync: change to searchable\n\n");
    out.append("- machine: ").append(stamp.cores()).append(" cores, ").append(stamp.cpu()).append('\n');
    out.append("- JVM: ").append(stamp.jvm()).append('\n');
    out.append("- commit: ").append(stamp.commit()).append('\n');
    out.append("- when: ").append(stamp.at()).append('\n');
    out.append("- command: `").append(stamp.commandLine()).append("`\n");
    out.append("- core polled: `").append(core).append("`; pacing: ").append(mode).append("; writers: ")
        .append(writers).append("\n\n");
    out.append("| attempted | published | visible | not visible | errors | published/s | sustained visible/s |\n");
    out.append("|---|---|---|---|---|---|---|\n");
    out.append("| ").append(attempted).append(" | ").append(published).append(" | ").append(visible).append(" | ")
        .append(notVisible).append(" | ").append(errors.values().stream().mapToLong(Long::longValue).sum())
        .append(" | ").append(fixed(publishPerSecond, 1)).append(" | ").append(fixed(sustainedPerSecond, 1))
        .append(" |\n\n");
    if (warmupSeconds > 0) {
      out.append("Warm-up: the ").append(warmupVisible).append(" changes published in the first ")
          .append(fixed(warmupSeconds, 1)).append(" s were waited for and are left out of the figures below")
          .append(" (rates and latencies count the rest).\n\n");
    }
    out.append("Publish-to-visible latency (ms):\n\n");
    out.append("| p50 | p90 | p99 | p99.9 | max |\n|---|---|---|---|---|\n");
    out.append("| ").append(fixed(p50, 1)).append(" | ").append(fixed(p90, 1)).append(" | ").append(fixed(p99, 1))
        .append(" | ").append(fixed(p999, 1)).append(" | ").append(fixed(max, 1)).append(" |\n\n");
    out.append("Visibility is polled with one uncached `/select` per round for the documents changed since")
        .append(" the oldest pending change; a poll's round trip took p50 ")
        .append(fixed(pollP50, 1)).append(" ms, p99 ").append(fixed(pollP99, 1)).append(" ms (")
        .append(pollErrors).append(" failed, ").append(pollsTruncated)
        .append(" matched more than they read); a change counts as visible when the answer arrives,")
        .append(" so latencies include up to one poll interval plus one round trip.");
    if (generatorLagP99 >= 0) {
      out.append(" Generator lag p99 (change start after its scheduled time): ").append(fixed(generatorLagP99, 1))
          .append(" ms.");
    }
    out.append("\n");
    if (!errors.isEmpty()) {
      out.append("\n| error | changes |\n|---|---|\n");
      errors.forEach((reason, count) -> out.append("| ").append(reason).append(" | ").append(count).append(" |\n"));
    }
    out.append("\nLatency over time: `latency-over-time.png`; full distribution: `latency.hgrm` (ms).\n");
    return out.toString();
  }
}
