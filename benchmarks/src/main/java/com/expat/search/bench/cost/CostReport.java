package com.expat.search.bench.cost;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** The figures of {@code bench cost}: CPU per request of each side, and their ratio. Pure. */
public final class CostReport {
  private CostReport() {}

  /**
   * One side of a comparison: {@code requests} answered, and the CPU time the processes used
   * meanwhile.
   *
   * @param serviceCpu the query service's CPU; empty for the plain reference, which asks Solr alone
   * @param serviceCompiling of the service's time, what its JIT spent compiling meanwhile (its
   *     compiler threads' CPU from /proc, or the time the JVM reports); empty when not known
   */
  public record Side(String label, long requests, Duration solrCpu, Optional<Duration> serviceCpu, Duration wall,
      Optional<Duration> serviceCompiling) {
    /** A service share of at most this much compiling is taken as the service's steady cost. */
    static final double STEADY_COMPILING_SHARE = 0.05;

    public Side {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(solrCpu, "solrCpu");
      Objects.requireNonNull(serviceCpu, "serviceCpu");
      Objects.requireNonNull(wall, "wall");
      Objects.requireNonNull(serviceCompiling, "serviceCompiling");
      if (requests < 1) {
        throw new IllegalArgumentException(label + ": no request was answered, so there is no cost per request");
      }
    }

    /** A side whose service compiling time is not known (and the plain side, which has no service). */
    public Side(String label, long requests, Duration solrCpu, Optional<Duration> serviceCpu, Duration wall) {
      this(label, requests, solrCpu, serviceCpu, wall, Optional.empty());
    }

    /** The service's JIT compiling time per request; empty when not known. */
    public Optional<Double> serviceCompilingMs() {
      return serviceCompiling.map(this::perRequest);
    }

    /**
     * Whether the service was still compiling for more than {@link #STEADY_COMPILING_SHARE} of its CPU:
     * its figure is then the JIT's start-up as much as its steady cost.
     */
    public boolean stillCompiling() {
      return serviceCompiling.isPresent() && serviceCpu.isPresent() && !serviceCpu.get().isZero()
          && serviceCompiling.get().toNanos() > STEADY_COMPILING_SHARE * serviceCpu.get().toNanos();
    }

    public double solrMs() {
      return perRequest(solrCpu);
    }

    public double serviceMs() {
      return serviceCpu.map(this::perRequest).orElse(0.0);
    }

    public double totalMs() {
      return solrMs() + serviceMs();
    }

    public double perSecond() {
      return requests / Math.max(1e-9, wall.toNanos() / 1e9);
    }

    private double perRequest(Duration cpu) {
      return cpu.toNanos() / 1e6 / requests;
    }

    /** This side and {@code other} (the same side in another round) as one: requests, CPU and walls added. */
    Side plus(Side other) {
      Optional<Duration> service = serviceCpu.isPresent() || other.serviceCpu.isPresent()
          ? Optional.of(serviceCpu.orElse(Duration.ZERO).plus(other.serviceCpu.orElse(Duration.ZERO)))
          : Optional.empty();
      Optional<Duration> compiling = serviceCompiling.isPresent() && other.serviceCompiling.isPresent()
          ? Optional.of(serviceCompiling.get().plus(other.serviceCompiling.get()))
          : Optional.empty();
      return new Side(label, requests + other.requests, solrCpu.plus(other.solrCpu), service, wall.plus(other.wall),
          compiling);
    }
  }

  /** One round: the same requests asked both ways, one side right after the other. */
  public record Round(Side ours, Side plain) {
    public double ratio() {
      return ours.totalMs() / plain.totalMs();
    }
  }

  /**
   * An endpoint asked both ways, in one round or several (in the order run). Each side's figures are
   * the rounds pooled: every round's CPU over every round's requests.
   */
  public record Comparison(String endpoint, List<Round> rounds) {
    public Comparison {
      rounds = List.copyOf(rounds);
      if (rounds.isEmpty()) {
        throw new IllegalArgumentException(endpoint + ": no round was run");
      }
    }

    /** One round. */
    public Comparison(String endpoint, Side ours, Side plain) {
      this(endpoint, List.of(new Round(ours, plain)));
    }

    /** Our side, every round's requests and CPU together. */
    public Side ours() {
      return rounds.stream().map(Round::ours).reduce(Side::plus).orElseThrow();
    }

    /** The plain side, every round's requests and CPU together. */
    public Side plain() {
      return rounds.stream().map(Round::plain).reduce(Side::plus).orElseThrow();
    }

    /** Solr + service CPU of our path over Solr CPU of the plain reference. */
    public double ratio() {
      return ours().totalMs() / plain().totalMs();
    }

    /** Solr CPU alone, ours over plain. */
    public double solrRatio() {
      return ours().solrMs() / plain().solrMs();
    }

    /** Each round's ratio, in the order run. */
    public List<Double> roundRatios() {
      return rounds.stream().map(Round::ratio).toList();
    }

    /** The median of the rounds' ratios (with one round, its ratio). */
    public double medianRatio() {
      double[] sorted = rounds.stream().mapToDouble(Round::ratio).sorted().toArray();
      int middle = sorted.length / 2;
      return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** {@code "; 8 rounds: median 1.10x, 0.98-1.21x"}, or nothing for one round. */
    String roundsText() {
      if (rounds.size() == 1) {
        return "";
      }
      List<Double> ratios = roundRatios();
      return format("; %d rounds: median %.2fx, %.2f-%.2fx", rounds.size(), medianRatio(),
          ratios.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
          ratios.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
    }
  }

  /** The CPU the processes used while nothing was asked of them, per second. */
  public record Idle(Duration over, Duration solrCpu, Duration serviceCpu) {
    public double solrMsPerSecond() {
      return solrCpu.toNanos() / 1e6 / Math.max(1e-9, over.toNanos() / 1e9);
    }

    public double serviceMsPerSecond() {
      return serviceCpu.toNanos() / 1e6 / Math.max(1e-9, over.toNanos() / 1e9);
    }
  }

  /**
   * A Markdown table: per endpoint, both sides' ms of CPU per request and the ratio; the service's
   * cell also tells what of it its JIT spent compiling, when known.
   */
  public static String table(List<Comparison> comparisons) {
    StringBuilder text = new StringBuilder();
    text.append("| endpoint | side | requests | Solr CPU ms/req | service CPU ms/req | total ms/req | req/s | ratio to plain |\n");
    text.append("|---|---|---|---|---|---|---|---|\n");
    for (Comparison c : comparisons) {
      row(text, c.endpoint(), c.ours(), format("%.2fx (Solr alone %.2fx)%s", c.ratio(), c.solrRatio(), c.roundsText()));
      row(text, c.endpoint(), c.plain(), "1.00x");
    }
    return text.toString();
  }

  /** One line per endpoint, for a terminal. */
  public static String summary(List<Comparison> comparisons) {
    StringBuilder text = new StringBuilder();
    for (Comparison c : comparisons) {
      text.append(format("%-14s ours %.2f + %.2f = %.2f ms CPU/req, plain Solr %.2f ms/req: %.2fx%s%n",
          c.endpoint(), c.ours().solrMs(), c.ours().serviceMs(), c.ours().totalMs(), c.plain().totalMs(), c.ratio(),
          c.roundsText()));
    }
    return text.toString();
  }

  private static void row(StringBuilder text, String endpoint, Side side, String ratio) {
    text.append(format("| %s | %s | %d | %.2f | %s | %.2f | %.1f | %s |%n", endpoint, side.label(), side.requests(),
        side.solrMs(), side.serviceCpu().isPresent() ? serviceCell(side) : "-", side.totalMs(),
        side.perSecond(), ratio));
  }

  private static String serviceCell(Side side) {
    return format("%.2f", side.serviceMs())
        + side.serviceCompilingMs().map(jit -> format(" (JIT %.3f)", jit)).orElse("");
  }

  /**
   * A warning for each endpoint whose service was {@linkplain Side#stillCompiling still compiling}
   * during the measured rounds; nothing when none was.
   */
  public static String warnings(List<Comparison> comparisons) {
    StringBuilder text = new StringBuilder();
    for (Comparison c : comparisons) {
      Side ours = c.ours();
      if (ours.stillCompiling()) {
        text.append(format("WARNING: %s: the service's JIT compiled for %.0f %% of its CPU time while measured"
            + " (%.3f of %.2f ms/req): the figure includes its start-up, not only its steady cost;"
            + " warm it longer (--warmup-passes)%n", c.endpoint(),
            100.0 * ours.serviceCompiling().orElseThrow().toNanos() / ours.serviceCpu().orElseThrow().toNanos(),
            ours.serviceCompilingMs().orElseThrow(), ours.serviceMs()));
      }
    }
    return text.toString();
  }

  private static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
