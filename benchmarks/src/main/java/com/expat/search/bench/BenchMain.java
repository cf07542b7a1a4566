package com.expat.search.bench;

import com.expat.search.bench.chaos.ChaosCommand;
import com.expat.search.bench.cost.CostCommand;
import com.expat.search.bench.indexing.BulkCommand;
import com.expat.search.bench.indexing.LiveCommand;
import com.expat.search.bench.indexing.LocalityCommand;
import com.expat.search.bench.jmh.JmhCommand;
import com.expat.search.bench.lab.EvalCommand;
import com.expat.search.bench.load.LoadCommand;
import com.expat.search.bench.load.MixCommand;
import com.expat.search.bench.solr.SolrCommand;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The benchmarks' composition root, run by {@code bin/expat-search bench ...} and
 * {@code bin/expat-search eval ...}: speed (open-loop load against the query service or Solr,
 * JMH micro-benchmarks) and quality (the relevance lab).
 */
@Command(name = "expat-search", mixinStandardHelpOptions = true,
    description = "Speed and relevance benchmarks of expat-search.",
    subcommands = {BenchMain.Bench.class, EvalCommand.class})
public final class BenchMain implements Runnable {
  /** The command line as typed, for stamping reports. */
  private static volatile String commandLine = "bin/expat-search";

  public static void main(String[] args) {
    commandLine = "bin/expat-search " + String.join(" ", args);
    if (args.length >= 2 && args[0].equals("bench") && args[1].equals("jmh")
        && !(args.length == 3 && args[2].equals("--help"))) {
      System.exit(JmhCommand.delegate(Arrays.copyOfRange(args, 2, args.length)));
    }
    System.exit(commandLine(new BenchMain()).execute(args));
  }

  public static String commandLineText() {
    return commandLine;
  }

  /** A picocli command line with this project's converters and error handling. */
  public static CommandLine commandLine(Object command) {
    CommandLine line = new CommandLine(command);
    line.registerConverter(java.time.Duration.class, new Durations());
    line.setExecutionExceptionHandler((e, cmd, parseResult) -> {
      if (e instanceof IllegalArgumentException || e instanceof java.io.UncheckedIOException) {
        cmd.getErr().println(cmd.getCommandName() + ": " + e.getMessage());
        return 2;
      }
      throw e;
    });
    return line;
  }

  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }

  /** {@code bench}: speed. */
  @Command(name = "bench", mixinStandardHelpOptions = true,
      description = "Speed benchmarks: open-loop load against the query service (load) or Solr (solr), query mixes (mix), JMH (jmh), CPU per request against plain Solr (cost), indexing (bulk, live), reliability under faults (chaos).",
      subcommands = {LoadCommand.class, MixCommand.class, SolrCommand.class, JmhCommand.class, BulkCommand.class, LiveCommand.class,
          LocalityCommand.class,
          CostCommand.class, ChaosCommand.class})
  static final class Bench implements Runnable {
    @Override
    public void run() {
      CommandLine.usage(this, System.out);
    }
  }
}
