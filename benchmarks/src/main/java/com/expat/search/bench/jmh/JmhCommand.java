package com.expat.search.bench.jmh;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code bench jmh [JMH ARGS]}: hands every argument to {@code org.openjdk.jmh.Main}, which finds
 * the benchmarks compiled into this jar ({@code META-INF/BenchmarkList}, written by JMH's
 * annotation processor at build time). Forked JVMs inherit the jar, and with it its manifest class
 * path over {@code target/lib}. {@link com.expat.search.bench.BenchMain} calls {@link #delegate}
 * before picocli parses, so that JMH's own options ({@code -f 1 -wi 2 -i 3 -l -h}) pass untouched.
 */
@Command(name = "jmh", mixinStandardHelpOptions = true, description = {
    "Run JMH micro-benchmarks; every argument goes to JMH (`bench jmh -l` lists them, `bench jmh -h` shows JMH's options).",
    "Example: bench jmh CacheKeyBenchmark -f 1 -wi 2 -w 2s -i 3 -r 2s"})
public final class JmhCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", paramLabel = "JMH_ARGS", description = "arguments for org.openjdk.jmh.Main")
  String[] args = new String[0];

  @Override
  public Integer call() throws Exception {
    return delegate(args);
  }

  /** Runs JMH with {@code args}; its exit status. */
  public static int delegate(String[] args) {
    try {
      org.openjdk.jmh.Main.main(args);
      return 0;
    } catch (Exception e) {
      System.err.println("jmh: " + e);
      return 1;
    }
  }
}
