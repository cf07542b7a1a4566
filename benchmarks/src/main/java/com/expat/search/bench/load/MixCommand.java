package com.expat.search.bench.load;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bench mix}: writes a query mix file from a generated world, so that runs repeat exactly. */
@Command(name = "mix", mixinStandardHelpOptions = true,
    description = "Write a realistic query mix (JSON lines) drawn from a generated world.")
public final class MixCommand implements Callable<Integer> {
  @Mixin MixOptions mix;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "the mix file to write")
  Path out;

  @Override
  public Integer call() {
    List<LoadRequest> requests = mix.load(System.err);
    QueryMix.write(out, requests);
    Map<String, Integer> byEndpoint = new TreeMap<>();
    requests.forEach(r -> byEndpoint.merge(r.endpoint(), 1, Integer::sum));
    long bustable = requests.stream().filter(CacheBuster::canBust).count();
    System.out.printf("%d requests %s (%d can be made uncached) written to %s%n", requests.size(), byEndpoint, bustable, out);
    return 0;
  }
}
