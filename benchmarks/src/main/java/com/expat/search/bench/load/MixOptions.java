package com.expat.search.bench.load;

import com.expat.search.indexer.generate.InMemoryWorld;
import com.expat.search.indexer.generate.WorldSpec;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** Where a command's query mix comes from: a mix file, or {@code builtin} (generated from a world). */
public final class MixOptions {
  @Option(names = "--mix", defaultValue = "builtin", paramLabel = "FILE|builtin",
      description = "a JSON-lines mix file (see `bench mix`), or builtin: generate one from the world below (default: ${DEFAULT-VALUE})")
  String mix;

  @Option(names = "--world-members", defaultValue = "30000",
      description = "builtin mix: members of the generated world; match the indexed world (demo default ${DEFAULT-VALUE})")
  int members;

  @Option(names = "--world-events", defaultValue = "3000", description = "builtin mix: events of the world (default ${DEFAULT-VALUE})")
  int events;

  @Option(names = "--world-seed", defaultValue = "42", description = "builtin mix: seed of the world (default ${DEFAULT-VALUE})")
  long worldSeed;

  @Option(names = "--mix-seed", defaultValue = "1", description = "builtin mix: seed of the draws (default ${DEFAULT-VALUE})")
  long mixSeed;

  @Option(names = "--mix-size", defaultValue = "5000", description = "builtin mix: number of requests (default ${DEFAULT-VALUE})")
  int size;

  /** The mix: read from the file, or generated (announced on {@code log}). */
  public List<LoadRequest> load(PrintStream log) {
    if (!mix.equals("builtin")) {
      return QueryMix.read(Path.of(mix));
    }
    log.printf("generating a world of %d members, %d events (seed %d) for the mix...%n", members, events, worldSeed);
    InMemoryWorld world = InMemoryWorld.generate(new WorldSpec(members, events, worldSeed));
    return new MixGenerator(world, mixSeed).generate(size);
  }
}
