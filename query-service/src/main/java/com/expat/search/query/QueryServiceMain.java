package com.expat.search.query;

import com.expat.search.common.config.ConfigException;
import com.expat.search.common.config.Env;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The query service's composition root and command line: {@code query-service serve}. */
@Command(
    name = "query-service",
    mixinStandardHelpOptions = true,
    description = "The expat-search query API.",
    subcommands = {QueryServiceMain.Serve.class})
public final class QueryServiceMain implements Runnable {

  public static void main(String[] args) {
    System.exit(new CommandLine(new QueryServiceMain()).execute(args));
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  @Command(
      name = "serve",
      mixinStandardHelpOptions = true,
      description = "Serves the search API over HTTP until SIGTERM or Ctrl-C.",
      usageHelpWidth = 120,
      footer = QueryServiceConfig.VARIABLES)
  static final class Serve implements Callable<Integer> {
    @Override
    public Integer call() throws InterruptedException {
      QueryServiceConfig config;
      try {
        config = QueryServiceConfig.from(Env.system());
      } catch (ConfigException e) {
        System.err.println("query-service: " + e.getMessage());
        return 2;
      }
      QueryService service = QueryService.start(config);
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        service.close();
        stopped.countDown();
      }, "shutdown"));
      stopped.await();
      return 0;
    }
  }
}
