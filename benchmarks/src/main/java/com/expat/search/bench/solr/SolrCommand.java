package com.expat.search.bench.solr;

import com.expat.search.bench.BenchMain;
import com.expat.search.bench.load.CacheBuster;
import com.expat.search.bench.load.LoadClock;
import com.expat.search.bench.load.LoadRequest;
import com.expat.search.bench.load.Loopback;
import com.expat.search.bench.load.MixOptions;
import com.expat.search.bench.load.OpenLoopRunner;
import com.expat.search.bench.load.Sweep;
import com.expat.search.bench.load.SweepOptions;
import com.expat.search.bench.report.RunStamp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench solr}: the same work straight to Solr, so that the query service's own overhead is
 * the ratio of the two sweeps. The Solr requests are never rebuilt here (that would be a second
 * implementation that drifts from the service): {@code capture} records the exact requests the
 * service makes, through a recording proxy, and {@code load} replays them open-loop.
 */
@Command(name = "solr", mixinStandardHelpOptions = true,
    description = "The same queries straight to Solr: capture what the service asks Solr, then replay it at fixed rates.",
    subcommands = {SolrCommand.Capture.class, SolrCommand.Load.class})
public final class SolrCommand implements Runnable {
  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }

  /** {@code bench solr capture}. */
  @Command(name = "capture", mixinStandardHelpOptions = true,
      description = {
        "Start a recording proxy in front of Solr, wait until a query service that uses it is ready",
        "(start one with SOLR_URL=<proxy>/solr HTTP_PORT=8090 bin/expat-search serve, fresh, without",
        "MEMCACHED_SERVERS), send each mix request once, made unique so that no cache answers it, and",
        "write the Solr calls each one caused (JSON lines) for `bench solr load`."
      })
  static final class Capture implements Callable<Integer> {
    @Option(names = "--solr", defaultValue = "http://127.0.0.1:8983/solr", description = "the real Solr (loopback; default ${DEFAULT-VALUE})")
    String solr;

    @Option(names = "--proxy-port", defaultValue = "8984", description = "port of the recording proxy on 127.0.0.1 (default ${DEFAULT-VALUE})")
    int proxyPort;

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8090", description = "the query service using the proxy (default ${DEFAULT-VALUE})")
    String url;

    @Option(names = "--wait", defaultValue = "180s", converter = com.expat.search.bench.Durations.class,
        description = "how long to wait for the service to be ready (default ${DEFAULT-VALUE})")
    Duration wait;

    @Option(names = "--limit", defaultValue = "2000", description = "mix requests to capture at most (default ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the captured Solr mix to write")
    Path out;

    @Mixin MixOptions mix;

    @Override
    public Integer call() throws IOException, InterruptedException {
      URI solrUri = Loopback.require(solr);
      URI service = Loopback.require(url);
      List<LoadRequest> requests = mix.load(System.err);
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
      try (CaptureProxy proxy = new CaptureProxy(solrUri, proxyPort)) {
        System.err.printf("recording proxy at %s%s; start the query service with SOLR_URL=%s%s; waiting for %s/health/ready%n",
            proxy.url(), solrUri.getRawPath(), proxy.url(), solrUri.getRawPath(), service);
        waitReady(client, service, wait);
        CacheBuster buster = new CacheBuster(new SplittableRandom(11));
        List<CapturedRequest> captured = new ArrayList<>();
        int withoutCalls = 0;
        proxy.drain();
        for (LoadRequest original : requests.subList(0, Math.min(limit, requests.size()))) {
          LoadRequest request = CacheBuster.canBust(original) ? buster.bust(original) : original;
          HttpResponse<Void> response = client.send(
              HttpRequest.newBuilder(URI.create(service + request.path())).timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.discarding());
          List<SolrCall> calls = proxy.drain();
          if (response.statusCode() >= 400 || calls.isEmpty()) {
            withoutCalls++;
            continue;
          }
          captured.add(new CapturedRequest(request.endpoint(), request.path(), calls));
        }
        SolrMix.write(out, captured);
        System.out.printf("captured %d requests (%d Solr calls); %d answered from a cache or with an error were left out; written to %s%n",
            captured.size(), captured.stream().mapToInt(c -> c.calls().size()).sum(), withoutCalls, out);
      }
      return 0;
    }

    private static void waitReady(HttpClient client, URI service, Duration wait) throws InterruptedException {
      long deadline = System.nanoTime() + wait.toNanos();
      while (System.nanoTime() < deadline) {
        try {
          HttpResponse<Void> ready = client.send(
              HttpRequest.newBuilder(URI.create(service + "/health/ready")).timeout(Duration.ofSeconds(2)).build(),
              HttpResponse.BodyHandlers.discarding());
          if (ready.statusCode() == 200) {
            return;
          }
        } catch (IOException e) {
          // not up yet
        }
        Thread.sleep(500);
      }
      throw new IllegalArgumentException("the query service at " + service + " was not ready within " + wait);
    }
  }

  /** {@code bench solr load}. */
  @Command(name = "load", mixinStandardHelpOptions = true,
      description = "Replay a captured Solr mix straight to Solr at fixed rates (open loop, as `bench load`).")
  static final class Load implements Callable<Integer> {
    @Option(names = "--solr", defaultValue = "http://127.0.0.1:8983/solr", description = "Solr (loopback; default ${DEFAULT-VALUE})")
    String solr;

    @Option(names = "--captured", required = true, paramLabel = "FILE", description = "a mix written by `bench solr capture`")
    Path captured;

    @Mixin SweepOptions sweep;

    @Override
    public Integer call() {
      sweep.validate();
      List<CapturedRequest> mix = SolrMix.read(captured);
      List<LoadRequest> requests = SolrReplayTransport.requests(mix);
      if (requests.isEmpty()) {
        throw new IllegalArgumentException(captured + " holds no Solr calls");
      }
      ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "bench-solr");
        thread.setDaemon(true);
        return thread;
      });
      try {
        SolrReplayTransport transport = new SolrReplayTransport(solr, mix, sweep.timeout(), executor);
        OpenLoopRunner runner = new OpenLoopRunner(transport, LoadClock.SYSTEM, sweep.maxInFlight(), sweep.timeout());
        Sweep.run("solr direct", runner, requests, sweep, RunStamp.capture(BenchMain.commandLineText()), System.err);
      } finally {
        executor.shutdownNow();
      }
      return 0;
    }
  }
}
