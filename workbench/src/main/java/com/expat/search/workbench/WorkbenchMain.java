package com.expat.search.workbench;

import com.expat.search.common.config.ConfigException;
import com.expat.search.common.config.Env;
import java.util.concurrent.CountDownLatch;

/** {@code bin/expat-search lab}: the composition root of the workbench. */
public final class WorkbenchMain {
  private WorkbenchMain() {}

  public static void main(String[] args) throws InterruptedException {
    for (String arg : args) {
      if (arg.equals("-h") || arg.equals("--help")) {
        System.out.println("Usage: bin/expat-search lab\n\nThe relevance workbench: a web page that ranks a viewer or a query by two "
            + "profiles side by side, runs judged sets, takes grades and says why a member is not shown.\n\n" + WorkbenchConfig.VARIABLES);
        return;
      }
    }
    WorkbenchConfig config;
    try {
      config = WorkbenchConfig.from(Env.system());
    } catch (ConfigException e) {
      System.err.println("workbench: " + e.getMessage());
      System.exit(2);
      return;
    }
    Workbench workbench = Workbench.start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      workbench.close();
      stopped.countDown();
    }, "workbench-stop"));
    System.err.printf("%n  relevance workbench at http://%s:%d/ against %s (Ctrl-C stops it)%n%n",
        config.host(), workbench.port(), config.queryUrl());
    stopped.await();
  }
}
