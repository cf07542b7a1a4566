package com.expat.search.bench.lab;

import com.expat.search.lab.JudgmentSet;
import com.expat.search.lab.QueryType;
import com.expat.search.lab.Evaluation;
import com.expat.search.lab.RunResult;
import com.expat.search.lab.Ranker;
import com.expat.search.lab.LabJson;
import com.expat.search.lab.TrecQrels;
import com.expat.search.lab.RreRatings;
import com.expat.search.lab.Comparison;
import com.expat.search.lab.Gate;
import com.expat.search.lab.ServiceRanker;
import com.expat.search.lab.RandomRanker;
import com.expat.search.lab.PopularityRanker;

import com.expat.search.bench.lab.sim.LabWorld;
import com.expat.search.bench.load.Loopback;
import com.expat.search.bench.lab.sim.OutcomeSimulator;
import com.expat.search.bench.lab.sim.PreferenceModel;
import com.expat.search.bench.lab.sim.SimulatedJudgments;
import com.expat.search.indexer.generate.InMemoryWorld;
import com.expat.search.indexer.generate.WorldSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code eval}: the relevance lab. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "The relevance lab: judged queries, rankers under test, metrics, comparison and a regression gate.",
    subcommands = {EvalCommand.Run.class, EvalCommand.Compare.class, EvalCommand.GateCommand.class,
        EvalCommand.Import.class, EvalCommand.Export.class, EvalCommand.Simulate.class,
        HandWrittenCommand.class})
public final class EvalCommand implements Runnable {
  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }

  /** The generated world a command works on; the same spec as the indexed world gives the same ids. */
  static final class WorldOptions {
    @Option(names = "--world-members", defaultValue = "30000", description = "members of the world (demo default ${DEFAULT-VALUE})")
    int members;

    @Option(names = "--world-events", defaultValue = "3000", description = "events of the world (default ${DEFAULT-VALUE})")
    int events;

    @Option(names = "--world-seed", defaultValue = "42", description = "seed of the world (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--world-now", description = "the world's present, ISO-8601 (default: start of today UTC, as the demo)")
    Instant now;

    Instant now() {
      return now != null ? now : Clock.systemUTC().instant().truncatedTo(ChronoUnit.DAYS);
    }

    LabWorld load() {
      System.err.printf("generating the world: %d members, %d events, seed %d, as of %s...%n", members, events, seed, now());
      return LabWorld.of(InMemoryWorld.generate(new WorldSpec(members, events, seed, now())), now());
    }
  }

  @Command(name = "run", mixinStandardHelpOptions = true,
      description = "Run one ranker over a judgment set; write the run (JSON, a baseline for `gate`) and print the means.")
  static final class Run implements Callable<Integer> {
    @Option(names = "--judgments", required = true, description = "a judgment set (JSON, see benchmarks/README.md)")
    Path judgments;

    @Option(names = "--ranker", defaultValue = "random",
        description = "random | popularity (needs the world options) | service (the query service) | profile:<name> (service, profile=<name>) "
            + "| text (service, sort=relevance; member search only); default ${DEFAULT-VALUE}")
    String ranker;

    @Option(names = "--page-size", defaultValue = "20",
        description = "service rankers on pooled queries: page size while reading the answer restricted to the pool (default ${DEFAULT-VALUE}, the API's)")
    int pageSize;

    @Option(names = "--max-pages", defaultValue = "50", description = "service rankers on pooled queries: pages read at most per query (default ${DEFAULT-VALUE})")
    int maxPages;

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "the query service, for service and text (loopback)")
    String url;

    @Option(names = "--param", description = "extra API parameter for service rankers, name=value (repeatable)")
    Map<String, String> params = new TreeMap<>();

    @Option(names = "--k", defaultValue = "10", description = "cut-off of every metric (default ${DEFAULT-VALUE})")
    int k;

    @Option(names = "--relevant", defaultValue = "2", description = "grade from which a document is relevant for MRR, P, R (default ${DEFAULT-VALUE})")
    int relevant;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the random ranker (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", required = true, description = "the run file to write (JSON)")
    Path out;

    @Mixin WorldOptions world;

    @Override
    public Integer call() {
      JudgmentSet set = LabJson.readJudgments(judgments);
      String kind = ranker.toLowerCase(Locale.ROOT);
      Ranker chosen = kind.startsWith("profile:") ? profileRanker(ranker.substring("profile:".length())) : switch (kind) {
        case "random" -> new RandomRanker(seed);
        case "popularity" -> {
          LabWorld lab = world.load();
          yield new PopularityRanker(lab.memberPopularity(), lab.eventPopularity());
        }
        case "service" -> new ServiceRanker("service", Loopback.require(url), params, pageSize, maxPages);
        case "text" -> {
          Map<String, String> text = new TreeMap<>(params);
          text.put("sort", "relevance");
          yield new ServiceRanker("text", Loopback.require(url), text, pageSize, maxPages);
        }
        default -> throw new IllegalArgumentException("--ranker " + ranker + " is not random, popularity, service, profile:<name> or text");
      };
      long start = System.nanoTime();
      RunResult run = Evaluation.run(set, chosen, k, relevant);
      LabJson.writeRun(out, run);
      if (chosen instanceof ServiceRanker service) {
        System.err.printf(Locale.ROOT, "%s: %d requests (%d after a 503) in %.1f s; %d of %d queries got fewer than min(k, pool) pool members back%n",
            service.name(), service.requests(), service.retried(), (System.nanoTime() - start) / 1e9, service.shortQueries(), set.queries().size());
      }
      System.out.println(summary(run));
      return 0;
    }

    private ServiceRanker profileRanker(String profile) {
      if (profile.isBlank()) {
        throw new IllegalArgumentException("--ranker profile:<name> needs a profile name, e.g. profile:default");
      }
      Map<String, String> withProfile = new TreeMap<>(params);
      withProfile.put("profile", profile);
      return new ServiceRanker("profile:" + profile, Loopback.require(url), withProfile, pageSize, maxPages);
    }
  }

  static String summary(RunResult run) {
    StringBuilder out = new StringBuilder("| group | queries | " + String.join(" | ", RunResult.METRICS) + " |\n|---|---|"
        + "---|".repeat(RunResult.METRICS.size()) + "\n");
    run.aggregate().forEach((group, aggregate) -> {
      out.append("| ").append(group).append(" | ").append(aggregate.queries()).append(" |");
      for (String metric : RunResult.METRICS) {
        Double value = aggregate.means().get(metric);
        out.append(' ').append(value == null ? "–" : String.format(Locale.ROOT, "%.3f", value)).append(" |");
      }
      out.append('\n');
    });
    return run.ranker() + " @" + run.k() + " on " + run.set() + "\n" + out;
  }

  @Command(name = "compare", mixinStandardHelpOptions = true,
      description = "Compare two or more runs on the same judgment set: means with deltas against the first, the largest per-query changes with each ranker's top results.")
  static final class Compare implements Callable<Integer> {
    @Option(names = "--judgments", required = true, description = "the judgment set the runs were made on")
    Path judgments;

    @Parameters(arity = "2..*", paramLabel = "RUN", description = "run files; the first is the reference")
    List<Path> runs;

    @Option(names = "--queries", defaultValue = "10", description = "per-query changes to show (default ${DEFAULT-VALUE})")
    int queries;

    @Option(names = "--top", defaultValue = "5", description = "results shown per ranker and query (default ${DEFAULT-VALUE})")
    int top;

    @Option(names = "--out", description = "write the Markdown here instead of standard output")
    Path out;

    @Override
    public Integer call() throws IOException {
      JudgmentSet set = LabJson.readJudgments(judgments);
      List<RunResult> loaded = new ArrayList<>();
      runs.forEach(file -> loaded.add(LabJson.readRun(file)));
      String markdown = Comparison.markdown(set, loaded, queries, top);
      if (out == null) {
        System.out.println(markdown);
      } else {
        Files.writeString(out, markdown, StandardCharsets.UTF_8);
      }
      return 0;
    }
  }

  @Command(name = "gate", mixinStandardHelpOptions = true,
      description = "Fail (exit 1) when a metric of the run falls below the baseline's by more than the margin, overall, per type or per segment.")
  static final class GateCommand implements Callable<Integer> {
    @Option(names = "--baseline", required = true, description = "the stored baseline run")
    Path baseline;

    @Option(names = "--run", required = true, description = "the run to check")
    Path run;

    @Option(names = "--margin", defaultValue = "0.02", description = "largest allowed drop, absolute (default ${DEFAULT-VALUE})")
    double margin;

    @Option(names = "--metrics", split = ",", defaultValue = "ndcg,mrr", description = "metrics to gate on (default ${DEFAULT-VALUE})")
    List<String> metrics;

    @Option(names = "--min-queries", defaultValue = "10", description = "skip groups with fewer baseline queries (default ${DEFAULT-VALUE})")
    int minQueries;

    @Override
    public Integer call() {
      for (String metric : metrics) {
        if (!RunResult.METRICS.contains(metric)) {
          throw new IllegalArgumentException("--metrics: " + metric + " is not one of " + RunResult.METRICS);
        }
      }
      List<String> violations = Gate.check(LabJson.readRun(baseline), LabJson.readRun(run), margin, metrics, minQueries);
      if (violations.isEmpty()) {
        System.out.println("gate passed: no " + metrics + " mean dropped by more than " + margin);
        return 0;
      }
      System.out.println("gate FAILED:");
      violations.forEach(v -> System.out.println("  " + v));
      return 1;
    }
  }

  @Command(name = "import", mixinStandardHelpOptions = true,
      description = "Import judgments from TREC qrels or RRE ratings.json into the lab's JSON format.")
  static final class Import implements Callable<Integer> {
    @Option(names = "--from", required = true, description = "trec | rre")
    String from;

    @Option(names = "--in", required = true, description = "the file to import")
    Path in;

    @Option(names = "--base", description = "trec: a judgment set whose queries (by id) receive the grades; others become new queries")
    Path base;

    @Option(names = "--type", defaultValue = "member_search", description = "trec: type of new queries (default ${DEFAULT-VALUE})")
    String type;

    @Option(names = "--name", description = "name of the set (default: the file name)")
    String name;

    @Option(names = "--out", required = true, description = "the judgment set to write")
    Path out;

    @Override
    public Integer call() throws IOException {
      String text = Files.readString(in, StandardCharsets.UTF_8);
      String setName = name != null ? name : in.getFileName().toString();
      JudgmentSet set = switch (from.toLowerCase(Locale.ROOT)) {
        case "trec" -> TrecQrels.merge(
            base == null ? new JudgmentSet(setName, "imported from TREC qrels", 1, List.of()) : LabJson.readJudgments(base),
            TrecQrels.read(text), QueryType.parse(type), null);
        case "rre" -> RreRatings.read(text, setName);
        default -> throw new IllegalArgumentException("--from " + from + " is not trec or rre");
      };
      LabJson.writeJudgments(out, set);
      System.out.printf("%d queries written to %s%n", set.queries().size(), out);
      return 0;
    }
  }

  @Command(name = "export", mixinStandardHelpOptions = true,
      description = "Export a judgment set as TREC qrels or RRE ratings.json.")
  static final class Export implements Callable<Integer> {
    @Option(names = "--to", required = true, description = "trec | rre")
    String to;

    @Option(names = "--judgments", required = true, description = "the judgment set")
    Path judgments;

    @Option(names = "--out", required = true, description = "the file to write")
    Path out;

    @Override
    public Integer call() throws IOException {
      JudgmentSet set = LabJson.readJudgments(judgments);
      String text = switch (to.toLowerCase(Locale.ROOT)) {
        case "trec" -> TrecQrels.write(set);
        case "rre" -> RreRatings.write(set);
        default -> throw new IllegalArgumentException("--to " + to + " is not trec or rre");
      };
      Files.writeString(out, text, StandardCharsets.UTF_8);
      System.out.printf("%d queries written to %s%n", set.queries().size(), out);
      return 0;
    }
  }

  @Command(name = "simulate", mixinStandardHelpOptions = true,
      description = "Judgments for matches and member events from simulated outcomes of hidden preferences (see benchmarks/README.md).")
  static final class Simulate implements Callable<Integer> {
    @Mixin WorldOptions world;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the preferences and outcomes (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--matches", defaultValue = "100", description = "matches queries (default ${DEFAULT-VALUE})")
    int matches;

    @Option(names = "--events", defaultValue = "100", description = "member-events queries (default ${DEFAULT-VALUE})")
    int events;

    @Option(names = "--pool", defaultValue = "200", description = "largest candidate pool per query (default ${DEFAULT-VALUE})")
    int pool;

    @Option(names = "--noise", defaultValue = "1.0", description = "per-pair logit noise (default ${DEFAULT-VALUE})")
    double noise;

    @Option(names = "--declared-share", defaultValue = "0.5", description = "share of the hidden taste that follows declared interests (default ${DEFAULT-VALUE})")
    double declaredShare;

    @Option(names = "--out", required = true, description = "the judgment set to write")
    Path out;

    @Override
    public Integer call() {
      LabWorld lab = world.load();
      OutcomeSimulator simulator = new OutcomeSimulator(new PreferenceModel(seed, declaredShare), seed, noise);
      JudgmentSet set = new SimulatedJudgments(lab, simulator, seed)
          .build("simulated-w" + world.seed + "-m" + world.members + "-e" + world.events + "-s" + seed, matches, events, pool, 100, 30);
      LabJson.writeJudgments(out, set);
      System.out.printf("%s: %d queries written to %s%n", set.name(), set.queries().size(), out);
      return 0;
    }
  }
}
