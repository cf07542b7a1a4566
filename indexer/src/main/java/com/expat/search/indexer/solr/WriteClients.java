package com.expat.search.indexer.solr;

import com.expat.search.common.config.ConfigException;
import com.expat.search.common.solr.SolrSettings;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;

/**
 * The indexer's Solr client: {@link com.expat.search.common.solr.SolrClients}'s, with one
 * difference that keeps writes alive across a Solr outage. {@code HttpJdkSolrClient} streams each
 * update body through a pipe written by a thread of its executor; when the connection breaks
 * mid-body, that thread can stay blocked for good, and with the default small pool every later
 * update then waits for a free writer forever (seen in FailureIT). This executor grows instead
 * (idle threads end after a minute), so the next request always gets a writer.
 */
public final class WriteClients {
  private WriteClients() {}

  public static SolrClient create(SolrSettings settings) {
    String url = settings.url().orElseThrow(() -> new ConfigException("SOLR_URL is not set")).toString();
    ExecutorService writers = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
        new SynchronousQueue<>(), runnable -> {
          Thread thread = new Thread(runnable, "solr-body-writer");
          thread.setDaemon(true);
          return thread;
        });
    return new HttpJdkSolrClient.Builder(url)
        .useHttp1_1(true)
        .withExecutor(writers)
        .withConnectionTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .withIdleTimeout(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .withRequestTimeout(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .build();
  }
}
