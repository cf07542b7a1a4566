package com.expat.search.bench.load;

import com.expat.search.bench.BenchMain;
import com.expat.search.bench.report.RunStamp;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bench load}: an open-loop rate sweep against the query service. */
@Command(name = "load", mixinStandardHelpOptions = true,
    description = {
      "Open-loop load against the query service at fixed rates (a sweep), latency from each request's",
      "intended send time, per endpoint and cache tier (X-Cache / X-Cache-Tier). Loopback URLs only."
    })
public final class LoadCommand implements Callable<Integer> {
  @Option(names = "--url", defaultValue = "http://127.0.0.1:8080",
      description = "the query service (loopback only; default ${DEFAULT-VALUE})")
  String url;

  @Option(names = "--uncached-fraction", defaultValue = "0.2",
      description = "share of requests made unique so that no cache holds them (radius_km jitter, see the README); default ${DEFAULT-VALUE}")
  double uncachedFraction;

  @Option(names = "--no-cache-header",
      description = "also send Cache-Control: no-cache on those requests (the service ignores it today)")
  boolean noCacheHeader;

  @Option(names = "--seed", defaultValue = "7", description = "seed of the cache-busting draws (default ${DEFAULT-VALUE})")
  long seed;

  @Mixin MixOptions mix;
  @Mixin SweepOptions sweep;

  @Override
  public Integer call() {
    if (!(uncachedFraction >= 0 && uncachedFraction <= 1)) {
      throw new IllegalArgumentException("--uncached-fraction " + uncachedFraction + " must be in 0..1");
    }
    sweep.validate();
    Loopback.require(url);
    List<LoadRequest> requests = mix.load(System.err);
    ExecutorService executor = Executors.newFixedThreadPool(2, daemon());
    try {
      HttpTransport plain = new HttpTransport(url, sweep.timeout(), Map.of(), executor);
      HttpTransport noCache = new HttpTransport(url, sweep.timeout(), Map.of("Cache-Control", "no-cache"), executor);
      CacheBuster buster = new CacheBuster(new SplittableRandom(seed));
      SplittableRandom draw = new SplittableRandom(seed + 1);
      Transport transport = request -> {
        if (uncachedFraction > 0 && draw.nextDouble() < uncachedFraction && CacheBuster.canBust(request)) {
          return (noCacheHeader ? noCache : plain).send(buster.bust(request));
        }
        return plain.send(request);
      };
      OpenLoopRunner runner = new OpenLoopRunner(transport, LoadClock.SYSTEM, sweep.maxInFlight(), sweep.timeout());
      Sweep.run("query service", runner, requests, sweep, RunStamp.capture(BenchMain.commandLineText()), System.err);
    } finally {
      executor.shutdownNow();
    }
    return 0;
  }

  static java.util.concurrent.ThreadFactory daemon() {
    return runnable -> {
      Thread thread = new Thread(runnable, "bench-http");
      thread.setDaemon(true);
      return thread;
    };
  }
}
