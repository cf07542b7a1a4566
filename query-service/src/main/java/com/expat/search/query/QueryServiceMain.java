package com.expat.search.query;

import com.expat.search.common.config.ConfigException;
import com.expat.search.common.config.Env;
import java.time.Duration;
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
    /** Beyond the drain, for closing the feed, Memcached and Solr clients. */
    private static final Duration CLOSE_LIMIT = Duration.ofSeconds(10);

    @Override
    public Integer call() throws InterruptedException {
      QueryServiceConfig config;
      try {
        config = QueryServiceConfig.from(Env.system());
      } catch (ConfigException e) {
        System.err.println("query-service: " + e.getMessage());
        return 2;
      }
      QueryService service;
      try {
        service = QueryService.start(config);
      } catch (ConfigException e) {
        System.err.println("query-service: " + e.getMessage());
        return 2;
      }
      CountDownLatch stopped = new CountDownLatch(1);
      Duration limit = config.shutdownDrain().plus(CLOSE_LIMIT);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        haltAfter(limit);
        try {
          service.close();
        } finally {
          stopped.countDown();
        }
      }, "shutdown"));
      stopped.await();
      return 0;
    }

    /** A stop must end: a client that hangs while closing must not keep the process alive. */
    private static void haltAfter(Duration limit) {
      Thread watchdog = new Thread(() -> {
        try {
          Thread.sleep(limit.toMillis());
        } catch (InterruptedException e) {
          return;
        }
        System.err.println("query-service: not stopped within " + limit + ", halting");
        Runtime.getRuntime().halt(1);
      }, "shutdown-watchdog");
      watchdog.setDaemon(true);
      watchdog.start();
    }
  }
}
