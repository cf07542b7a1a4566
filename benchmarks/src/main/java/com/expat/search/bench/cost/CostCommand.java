package com.expat.search.bench.cost;

import com.expat.search.bench.BenchMain;
import com.expat.search.bench.Durations;
import com.expat.search.bench.load.CacheBuster;
import com.expat.search.bench.load.HttpTransport;
import com.expat.search.bench.load.LoadRequest;
import com.expat.search.bench.load.Loopback;
import com.expat.search.bench.load.MixOptions;
import com.expat.search.bench.load.Reply;
import com.expat.search.bench.report.RunStamp;
import com.expat.search.bench.solr.CapturedRequest;
import com.expat.search.bench.solr.SolrReplayTransport;
import com.expat.search.vocabulary.Cores;
import com.expat.search.common.solr.SolrClients;
import com.expat.search.common.solr.SolrSettings;
import com.expat.search.query.members.KnownMember;
import com.expat.search.query.members.MemberDirectory;
import com.expat.search.query.solr.SolrIndex;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.common.params.ModifiableSolrParams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench cost}: what an uncached answer costs in CPU, against a plain Solr query doing the
 * same job, in one run. Our side: distinct viewers ask the running query service, a few at a time,
 * every request made unique so that no cache answers it; the CPU Solr and the service used
 * meanwhile (from /proc, or their own metrics: {@code --cpu-from}) divided by the requests. The
 * plain side: the same viewers and searches asked of Solr directly as one ordinary query each
 * ({@link PlainReference}); Solr's CPU divided by the requests. Matches, then member search with
 * text.
 *
 * <p>With {@code --rounds N} each endpoint is measured N times on new requests each time (the
 * next {@code --viewers} viewers, the next {@code --searches} searches), the side asked first
 * alternating: a single round of a few hundred requests spread 1.1-1.7x for the same build on
 * 2 shared cores, and whichever side runs second may find what the first left in Solr's caches.
 * The pooled ratio (every round's CPU over every round's requests) and the rounds' median and
 * range are printed.
 */
@Command(name = "cost", mixinStandardHelpOptions = true,
    description = {
      "CPU per uncached request (Solr + query service, from /proc or their metrics) against a plain Solr query doing",
      "the same job (Solr alone), for matches and member search with text; prints the ratios.",
      "Run it against a query service that uses the Solr given by --solr, and nothing else asking either."
    })
public final class CostCommand implements Callable<Integer> {
  @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "the query service (loopback; default ${DEFAULT-VALUE})")
  String url;

  @Option(names = "--solr", defaultValue = "http://127.0.0.1:8983/solr", description = "the service's Solr (loopback; default ${DEFAULT-VALUE})")
  String solr;

  @Option(names = "--members-core", defaultValue = Cores.MEMBERS, description = "members core or alias (default ${DEFAULT-VALUE})")
  String membersCore;

  @Option(names = "--viewers", defaultValue = "600", description = "distinct viewers asking for matches (default ${DEFAULT-VALUE}); 0 skips matches")
  int viewers;

  @Option(names = "--searches", defaultValue = "600", description = "distinct member searches with text (default ${DEFAULT-VALUE}); 0 skips them")
  int searches;

  @Option(names = "--warmup", defaultValue = "50", description = "requests per endpoint and side before measuring, not reused (default ${DEFAULT-VALUE})")
  int warmup;

  @Option(names = "--warmup-passes", defaultValue = "1",
      description = "times the warm-up requests are asked each way (default ${DEFAULT-VALUE}); a query service just"
          + " started keeps compiling for tens of thousands of requests, and with its caches off each pass runs its whole path")
  int warmupPasses;

  @Option(names = "--concurrency", defaultValue = "2", description = "requests in flight (default ${DEFAULT-VALUE})")
  int concurrency;

  @Option(names = "--idle", defaultValue = "5s", converter = Durations.class,
      description = "how long to read both processes' CPU with nothing asked, first (default ${DEFAULT-VALUE})")
  Duration idle;

  @Option(names = "--timeout", defaultValue = "10s", converter = Durations.class, description = "per request (default ${DEFAULT-VALUE})")
  Duration timeout;

  @Option(names = "--seed", defaultValue = "7", description = "seed of the cache-busting radii (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--rounds", defaultValue = "1",
      description = "measure each endpoint this many times on new requests, the side asked first alternating (default ${DEFAULT-VALUE})")
  int rounds;

  @Option(names = "--out", paramLabel = "DIR", description = "also write report.md and result.json here")
  Path out;

  @Option(names = "--cpu-from", defaultValue = "auto", paramLabel = "auto|proc|metrics",
      description = "where each process's CPU is read: proc (Linux /proc of the process listening on the URL's"
          + " port; nothing asked of the process), metrics (Solr's /admin/metrics and the service's /metrics, which"
          + " cost each a request and make the service's JIT compile the scrape), auto (proc when found, else"
          + " metrics; default)")
  String cpuFrom;

  @Mixin MixOptions mix;

  /** Where each process's CPU was read, for the report. */
  private final Map<String, String> cpuSources = new LinkedHashMap<>();

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    return run(spec.commandLine().getOut(), System.err);
  }

  private int run(PrintWriter stdout, PrintStream log) throws InterruptedException {
    validate();
    RunStamp stamp = RunStamp.capture(BenchMain.commandLineText());
    String loadBefore = loadAverage();
    List<LoadRequest> requests = mix.load(log);
    ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
      Thread thread = new Thread(runnable, "bench-cost");
      thread.setDaemon(true);
      return thread;
    });
    try (SolrClient client = SolrClients.create(SolrSettings.at(URI.create(solr)))) {
      MemberDirectory directory = new MemberDirectory(new SolrIndex(client), membersCore);
      String solrPath = Loopback.require(solr).getRawPath();
      List<Case> matches = viewers == 0 ? List.of() : matchesCases(requests, directory, solrPath, log);
      List<Case> texts = searches == 0 ? List.of() : searchCases(requests, directory, solrPath, log);

      HttpClient metricsClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      ProcessCpu solrCpu = cpuOf(solr, "Solr", () -> ProcessCpu.solr(metricsClient, solr), log);
      ProcessCpu serviceCpu = cpuOf(url, "the query service", () -> ProcessCpu.service(metricsClient, url), log);
      ClosedLoop service = new ClosedLoop(new HttpTransport(url, timeout, Map.of(), executor), concurrency);

      Duration solrStart = solrCpu.used();
      Duration serviceStart = serviceCpu.used();
      Thread.sleep(idle.toMillis());
      CostReport.Idle quiet = new CostReport.Idle(idle, solrCpu.used().minus(solrStart), serviceCpu.used().minus(serviceStart));
      log.printf("idle: Solr %.1f ms CPU/s, service %.1f ms CPU/s over %s%n",
          quiet.solrMsPerSecond(), quiet.serviceMsPerSecond(), idle);

      List<CostReport.Comparison> comparisons = new ArrayList<>();
      Map<String, ClosedLoop.Outcome> outcomes = new LinkedHashMap<>();
      for (var endpoint : List.of(Map.entry("matches", matches), Map.entry("member_search", texts))) {
        List<Case> cases = endpoint.getValue();
        if (cases.isEmpty()) {
          continue;
        }
        ClosedLoop plain = new ClosedLoop(
            new SolrReplayTransport(solr, cases.stream().map(Case::plain).toList(), timeout, executor), concurrency);
        List<LoadRequest> ours = cases.stream().map(Case::api).toList();
        List<LoadRequest> reference = SolrReplayTransport.requests(cases.stream().map(Case::plain).toList());
        int per = endpoint.getKey().equals("matches") ? viewers : searches;
        int warm = cases.size() - rounds * per;
        log.printf("%s: warming up with %d requests each way%s...%n", endpoint.getKey(), warm,
            warmupPasses == 1 ? "" : ", " + warmupPasses + " times");
        for (int pass = 0; pass < warmupPasses; pass++) {
          service.run(ours.subList(0, warm));
          plain.run(reference.subList(0, warm));
        }

        List<CostReport.Round> measured = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
          int from = warm + round * per;
          List<LoadRequest> ourRound = ours.subList(from, from + per);
          List<LoadRequest> plainRound = reference.subList(from, from + per);
          String name = endpoint.getKey() + roundName(round);
          Ask askOurs = () -> {
            log.printf("%s: %d requests through the service, %d at a time...%n", name, per, concurrency);
            Measured side = measure(service, ourRound, solrCpu, Optional.of(serviceCpu));
            outcomes.merge(endpoint.getKey() + " ours", side.outcome(), ClosedLoop.Outcome::plus);
            report(log, side.outcome());
            return side;
          };
          Ask askPlain = () -> {
            log.printf("%s: the same %d as plain Solr queries...%n", name, per);
            Measured side = measure(plain, plainRound, solrCpu, Optional.empty());
            outcomes.merge(endpoint.getKey() + " plain", side.outcome(), ClosedLoop.Outcome::plus);
            report(log, side.outcome());
            return side;
          };
          // Rounds 2, 4, ... ask the plain queries first, so that neither side always runs after the other.
          boolean plainFirst = round % 2 == 1;
          Measured plainSide = plainFirst ? askPlain.run() : null;
          Measured ourSide = askOurs.run();
          if (!plainFirst) {
            plainSide = askPlain.run();
          }
          CostReport.Round result = new CostReport.Round(
              ourSide.side("ours (service)"), plainSide.side("plain Solr"));
          if (rounds > 1) {
            log.printf("%s: %.2fx%n", name, result.ratio());
          }
          measured.add(result);
        }
        comparisons.add(new CostReport.Comparison(endpoint.getKey(), measured));
      }
      String loadAfter = loadAverage();
      stdout.print(CostReport.summary(comparisons));
      stdout.print(CostReport.warnings(comparisons));
      stdout.printf("load average before %s, after %s; idle Solr %.1f ms/s, service %.1f ms/s%n",
          loadBefore, loadAfter, quiet.solrMsPerSecond(), quiet.serviceMsPerSecond());
      stdout.flush();
      if (out != null) {
        write(stamp, comparisons, outcomes, quiet, loadBefore, loadAfter);
        log.println("results in " + out.toAbsolutePath());
      }
      return comparisons.isEmpty() ? 1 : 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      executor.shutdownNow();
    }
  }

  /**
   * How the CPU of the process behind {@code processUrl} is read, as {@code --cpu-from} says.
   *
   * @throws IllegalArgumentException with {@code --cpu-from proc} when no process of this machine
   *     that this user may read listens on the URL's port
   */
  private ProcessCpu cpuOf(String processUrl, String what, Supplier<ProcessCpu> metrics, PrintStream log) {
    if (cpuFrom.equals("metrics")) {
      return noted(what, "its metrics", metrics.get(), log);
    }
    URI uri = Loopback.require(processUrl);
    int port = uri.getPort() != -1 ? uri.getPort() : uri.getScheme().equals("https") ? 443 : 80;
    Optional<ProcCpu> proc = ProcCpu.listeningOn(Path.of("/proc"), port);
    if (proc.isPresent()) {
      return noted(what, "/proc/" + proc.get().pid() + " (the process listening on port " + port + ")", proc.get(), log);
    }
    if (cpuFrom.equals("proc")) {
      throw new IllegalArgumentException("--cpu-from proc: no process of this machine that this user may read listens on port "
          + port + " (" + what + ", " + processUrl + ")");
    }
    return noted(what, "its metrics (no process this user may read listens on port " + port + " here)", metrics.get(), log);
  }

  private ProcessCpu noted(String what, String source, ProcessCpu cpu, PrintStream log) {
    cpuSources.put(what, source);
    log.printf("%s's CPU: read from %s%n", what, source);
    return cpu;
  }

  private String roundName(int round) {
    return rounds == 1 ? "" : " round " + (round + 1) + "/" + rounds;
  }

  /** One side's part of a round. */
  @FunctionalInterface
  private interface Ask {
    Measured run() throws InterruptedException;
  }

  /** Runs {@code requests} and reads what Solr (and the service, when given) used meanwhile. */
  private static Measured measure(ClosedLoop loop, List<LoadRequest> requests, ProcessCpu solrCpu,
      Optional<ProcessCpu> serviceCpu) throws InterruptedException {
    Duration solr0 = solrCpu.used();
    Optional<ProcessCpu.Reading> service0 = serviceCpu.map(ProcessCpu::read);
    ClosedLoop.Outcome outcome = loop.run(requests);
    Duration solr = solrCpu.used().minus(solr0);
    Optional<ProcessCpu.Reading> service = serviceCpu.map(cpu -> cpu.read().since(service0.orElseThrow()));
    return new Measured(outcome, solr, service);
  }

  /**
   * One side's run of a round: its outcome and what Solr and the service (ours only: CPU, and its JIT's
   * compiling when published) used meanwhile.
   */
  private record Measured(ClosedLoop.Outcome outcome, Duration solr, Optional<ProcessCpu.Reading> service) {
    CostReport.Side side(String label) {
      return new CostReport.Side(label, outcome.answered(), solr, service.map(ProcessCpu.Reading::cpu), outcome.wall(),
          service.flatMap(ProcessCpu.Reading::compiling));
    }
  }

  /** One request asked both ways. */
  record Case(LoadRequest api, CapturedRequest plain) {}

  private List<Case> matchesCases(List<LoadRequest> requests, MemberDirectory directory, String solrPath, PrintStream log) {
    CacheBuster buster = new CacheBuster(new SplittableRandom(seed));
    List<Case> cases = new ArrayList<>();
    int skipped = 0;
    for (long id : CostCases.matchesViewers(requests)) {
      if (cases.size() == rounds * viewers + warmup) {
        break;
      }
      Optional<KnownMember> viewer = directory.find(id);
      if (viewer.isEmpty() || viewer.get().languages().isEmpty()) {
        skipped++;
        continue;
      }
      LoadRequest api = buster.bust(new LoadRequest("matches", "/v1/members/" + id + "/matches"));
      ModifiableSolrParams params = PlainReference.matches(viewer.get(), CostCases.radiusKm(api.path()).orElseThrow());
      cases.add(new Case(api, captured(api, PlainReference.call(solrPath, membersCore, params))));
    }
    log.printf("matches: %d viewers (%d of the mix's left out: not in the index or no language)%n", cases.size(), skipped);
    requireEnough("matches viewers", cases.size(), rounds * viewers);
    return cases;
  }

  private List<Case> searchCases(List<LoadRequest> requests, MemberDirectory directory, String solrPath, PrintStream log) {
    List<Case> cases = new ArrayList<>();
    int skipped = 0;
    for (CostCases.TextSearch search : CostCases.textSearches(requests)) {
      if (cases.size() == rounds * searches + warmup) {
        break;
      }
      Optional<KnownMember> viewer = Optional.empty();
      if (search.viewer().isPresent()) {
        viewer = directory.find(search.viewer().getAsLong());
        if (viewer.isEmpty()) {
          skipped++;
          continue;
        }
      }
      LoadRequest api = new LoadRequest("member_search", search.path());
      cases.add(new Case(api, captured(api, PlainReference.call(solrPath, membersCore, PlainReference.memberSearch(search, viewer)))));
    }
    log.printf("member search: %d distinct searches with text (%d left out: viewer not in the index)%n", cases.size(), skipped);
    requireEnough("member searches with text", cases.size(), rounds * searches);
    return cases;
  }

  private void requireEnough(String what, int found, int asked) {
    if (found < asked) {
      throw new IllegalArgumentException("the mix gives only " + found + " " + what + " for " + asked
          + " (and --warmup " + warmup + " more); use a larger mix (--mix-size) or ask fewer");
    }
  }

  private static CapturedRequest captured(LoadRequest api, com.expat.search.bench.solr.SolrCall call) {
    return new CapturedRequest(api.endpoint(), api.path(), List.of(call));
  }

  private static void report(PrintStream log, ClosedLoop.Outcome outcome) {
    log.printf("  %d answered %s, %d failed %s, in %.1f s%n", outcome.answered(), outcome.tiers(), outcome.failed(),
        outcome.errors(), outcome.wall().toNanos() / 1e9);
    long cached = outcome.tiers().entrySet().stream()
        .filter(e -> !e.getKey().equals(Reply.UNCACHED) && !e.getKey().equals(SolrReplayTransport.TIER))
        .mapToLong(Map.Entry::getValue).sum();
    if (cached > 0) {
      log.printf("  WARNING: %d answers came from a cache; this run overstates nothing but understates our cost."
          + " Restart the service, or pick other requests (--mix-seed)%n", cached);
    }
  }

  private void validate() {
    if (viewers < 0 || searches < 0 || viewers + searches == 0 || viewers > 100_000 || searches > 100_000) {
      throw new IllegalArgumentException("--viewers " + viewers + " and --searches " + searches + " must be 0..100000, not both 0");
    }
    if (rounds < 1 || rounds > 50) {
      throw new IllegalArgumentException("--rounds " + rounds + " must be 1..50");
    }
    if (warmup < 0 || warmup > 10_000) {
      throw new IllegalArgumentException("--warmup " + warmup + " must be 0..10000");
    }
    if (warmupPasses < 1 || warmupPasses > 100) {
      throw new IllegalArgumentException("--warmup-passes " + warmupPasses + " must be 1..100");
    }
    if (concurrency < 1 || concurrency > 64) {
      throw new IllegalArgumentException("--concurrency " + concurrency + " must be 1..64");
    }
    if (!List.of("auto", "proc", "metrics").contains(cpuFrom)) {
      throw new IllegalArgumentException("--cpu-from " + cpuFrom + " must be auto, proc or metrics");
    }
    if (idle.isNegative() || idle.compareTo(Duration.ofMinutes(5)) > 0) {
      throw new IllegalArgumentException("--idle " + idle + " must be 0..5m");
    }
    Loopback.require(url);
    Loopback.require(solr);
  }

  private String cpuSourcesText() {
    StringBuilder text = new StringBuilder();
    cpuSources.forEach((what, source) -> text.append(what.substring(0, 1).toUpperCase(java.util.Locale.ROOT))
        .append(what.substring(1)).append("'s CPU was read from ").append(source).append(".\n"));
    return text.toString();
  }

  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private void write(RunStamp stamp, List<CostReport.Comparison> comparisons, Map<String, ClosedLoop.Outcome> outcomes,
      CostReport.Idle quiet, String loadBefore, String loadAfter) {
    try {
      Files.createDirectories(out);
      String report = "# CPU per uncached request against plain Solr\n\n" + stamp.line() + "\n\n```sh\n" + stamp.commandLine()
          + "\n```\n\n" + CostReport.table(comparisons)
          + String.format(java.util.Locale.ROOT, "%nLoad average before %s, after %s. Idle: Solr %.1f ms CPU/s, service %.1f ms CPU/s.%n",
              loadBefore, loadAfter, quiet.solrMsPerSecond(), quiet.serviceMsPerSecond())
          + cpuSourcesText()
          + CostReport.warnings(comparisons).replace("WARNING:", "\n**Warning:**");
      Files.writeString(out.resolve("report.md"), report, StandardCharsets.UTF_8);
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("commit", stamp.commit());
      result.put("load_before", loadBefore);
      result.put("load_after", loadAfter);
      result.put("idle_solr_ms_per_s", quiet.solrMsPerSecond());
      result.put("idle_service_ms_per_s", quiet.serviceMsPerSecond());
      result.put("cpu_read_from", cpuSources);
      List<Map<String, Object>> rows = new ArrayList<>();
      for (CostReport.Comparison c : comparisons) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("endpoint", c.endpoint());
        row.put("requests", c.ours().requests());
        row.put("ours_solr_ms", c.ours().solrMs());
        row.put("ours_service_ms", c.ours().serviceMs());
        c.ours().serviceCompilingMs().ifPresent(jit -> row.put("ours_service_compiling_ms", jit));
        row.put("plain_requests", c.plain().requests());
        row.put("plain_solr_ms", c.plain().solrMs());
        row.put("ratio", c.ratio());
        row.put("solr_ratio", c.solrRatio());
        row.put("rounds", c.rounds().size());
        row.put("median_ratio", c.medianRatio());
        row.put("round_ratios", c.roundRatios());
        rows.add(row);
      }
      result.put("comparisons", rows);
      Map<String, Object> counts = new LinkedHashMap<>();
      outcomes.forEach((name, outcome) -> counts.put(name, Map.of("tiers", outcome.tiers(), "errors", outcome.errors())));
      result.put("outcomes", counts);
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("result.json").toFile(), result);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write results into " + out, e);
    }
  }
}
