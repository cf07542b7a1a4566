package com.expat.search.indexer;

import com.expat.search.common.ExpatSearchException;
import com.expat.search.indexer.demo.DemoLoadCommand;
import com.expat.search.indexer.generate.GenerateCommand;
import com.expat.search.indexer.reindex.ReindexCommand;
import com.expat.search.indexer.sync.IndexCommand;
import com.expat.search.indexer.ops.DeadLettersCommand;
import com.expat.search.indexer.ops.RollbackCommand;
import com.expat.search.indexer.ops.VerifyCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The indexer process: one subcommand per job. Each subcommand is its own composition root: it
 * reads its typed configuration from the environment, builds its clients and runs.
 */
@Command(
    name = "indexer",
    mixinStandardHelpOptions = true,
    description = "expat-search indexer jobs (run through bin/expat-search).",
    subcommands = {
      GenerateCommand.class, DemoLoadCommand.class, IndexCommand.class, ReindexCommand.class,
      VerifyCommand.class, RollbackCommand.class, DeadLettersCommand.class
    })
public final class IndexerMain {

  public static void main(String[] args) {
    CommandLine commandLine = new CommandLine(new IndexerMain());
    commandLine.setExecutionExceptionHandler(
        (exception, cmd, parseResult) -> {
          // The project's own exceptions carry a message written for the operator; anything
          // else is a defect, and its stack trace is what the developer needs.
          if (exception instanceof ExpatSearchException) {
            cmd.getErr().println(cmd.getCommandName() + ": " + exception.getMessage());
          } else {
            exception.printStackTrace(cmd.getErr());
          }
          return 1;
        });
    System.exit(commandLine.execute(args));
  }
}
