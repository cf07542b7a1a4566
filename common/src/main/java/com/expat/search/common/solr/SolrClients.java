package com.expat.search.common.solr;

import com.expat.search.common.config.ConfigException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;

/**
 * Builds the one {@link SolrClient} a process uses. It speaks HTTP through the JDK's client, so
 * that no Jetty of SolrJ's meets Javalin's; every call has a connect and a request time limit.
 *
 * <p>{@code HttpJdkSolrClient} streams each request body (updates, long POSTed queries) through a
 * pipe written by a thread of its executor; when the connection breaks mid-body that thread can
 * stay blocked for good, and with the default small pool every later request then waits for a
 * writer forever (the indexer's FailureIT found it with Solr cut off mid-update). The executor
 * here grows instead, idle threads ending after a minute, so the next request always gets one.
 */
public final class SolrClients {
  private SolrClients() {}

  /**
   * A client for the node in {@code settings}. Requests name their core or alias explicitly.
   *
   * @throws ConfigException when no node URL is configured (the launcher resolves the bundled
   *     local Solr's URL before this is called)
   */
  public static SolrClient create(SolrSettings settings) {
    if (settings.zkHosts().isPresent() && settings.url().isEmpty()) {
      throw new ConfigException(
          "SOLR_ZK_HOSTS=" + settings.zkHosts().get()
              + ": ZooKeeper routing is not supported yet; set SOLR_URL to any node of the cluster");
    }
    String url =
        settings.url().orElseThrow(() -> new ConfigException("SOLR_URL is not set")).toString();
    ExecutorService bodyWriters =
        new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
            runnable -> {
              Thread thread = new Thread(runnable, "solr-body-writer");
              thread.setDaemon(true);
              return thread;
            });
    return new HttpJdkSolrClient.Builder(url)
        .useHttp1_1(true)
        .withExecutor(bodyWriters)
        .withConnectionTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .withIdleTimeout(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .withRequestTimeout(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .build();
  }
}
