package com.expat.search.common.solr;

import com.expat.search.common.config.ConfigException;
import java.net.ProxySelector;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.config.RegistryBuilder;
import org.apache.http.conn.socket.ConnectionSocketFactory;
import org.apache.http.conn.socket.PlainConnectionSocketFactory;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClientBuilder;
import org.apache.http.impl.conn.DefaultRoutePlanner;
import org.apache.http.impl.conn.DefaultSchemePortResolver;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.apache.http.impl.conn.SystemDefaultRoutePlanner;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.impl.CloudLegacySolrClient;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.client.solrj.impl.HttpSolrClient;

/**
 * Builds the one {@link SolrClient} a process uses, the same way in every process (serve, index,
 * reindex, verify, bench). No Jetty of SolrJ's meets Javalin's: SolrJ's Jetty clients, cloud one
 * included, fail next to Javalin 7 (see STACK.md). Requests name their core, collection or alias
 * explicitly. Every call has a connect and a request time limit.
 *
 * <p><b>SolrCloud</b> ({@code SOLR_ZK_HOSTS} set; it takes precedence over {@code SOLR_URL}):
 * SolrJ's {@code CloudLegacySolrClient}, over Apache HttpClient, watching the cluster's state in
 * ZooKeeper. A query goes to a replica on a live node, the replicas of the collection in random
 * order; when a node does not answer (refused, reset) the same request goes on to the next
 * replica, so a node that has just died costs a retry, not a failure, until ZooKeeper drops it
 * from {@code live_nodes}. An update is sent to the leader of each document's shard (to another
 * replica of the shard, which forwards it, when the leader does not answer). Collection admin
 * calls go to any live node.
 *
 * <p><b>One node</b> ({@code SOLR_URL}): for a process that reads only, SolrJ's {@code
 * HttpSolrClient} ({@link #forReads}); otherwise SolrJ's {@code HttpJdkSolrClient}, over the JDK's
 * HTTP client. It streams each request body (updates, long POSTed queries) through a pipe written by a
 * thread of its executor; when the connection breaks mid-body that thread can stay blocked for
 * good, and with the default small pool every later request then waits for a writer forever (the
 * indexer's FailureIT found it with Solr cut off mid-update). The executor here grows instead,
 * idle threads ending after a minute, so the next request always gets one.
 */
public final class SolrClients {
  private static final int ZK_CONNECT_TIMEOUT_MS = 10_000;
  private static final int ZK_SESSION_TIMEOUT_MS = 15_000;
  /** SolrJ's {@code HttpClientUtil} defaults, kept by {@link #readClient}. */
  private static final int MAX_CONNECTIONS = 10_000;
  private static final int VALIDATE_AFTER_IDLE_MS = 3_000;
  private static final int EVICT_IDLE_MS = 50_000;

  private SolrClients() {}

  /**
   * The client for the Solr in {@code settings}: cloud-aware when ZooKeeper hosts are given,
   * otherwise for the one node at the URL.
   *
   * @throws ConfigException when neither is configured (the launcher resolves the bundled local
   *     Solr's URL before this is called)
   */
  public static SolrClient create(SolrSettings settings) {
    return create(settings, false);
  }

  /**
   * As {@link #create}, for a process that only reads (the query service). On one node: SolrJ's
   * {@code HttpSolrClient}, whose Apache HttpClient sends the request and reads the answer on the
   * caller's own thread, blocking, where the JDK client's exchange hands each step between the
   * caller, its selector thread and its executor (the same reads cost 0.3 ms of CPU against 0.8 with
   * the JDK client, docs/benchmarks.md); its calls are bounded on the caller's thread ({@link
   * #callLimit}). Processes that write keep {@link #create}.
   */
  public static SolrClient forReads(SolrSettings settings) {
    return create(settings, true);
  }

  private static SolrClient create(SolrSettings settings, boolean readsOnly) {
    if (settings.zkHosts().isPresent()) {
      return cloud(settings, ZkHosts.parse(settings.zkHosts().get()));
    }
    String url = settings.url()
        .orElseThrow(() -> new ConfigException("neither SOLR_ZK_HOSTS nor SOLR_URL is set")).toString();
    if (readsOnly) {
      return new CallerThreadHttpClient(new HttpSolrClient.Builder(url)
          .withConnectionTimeout((int) settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
          .withSocketTimeout((int) settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS), readClient());
    }
    return new HttpJdkSolrClient.Builder(url)
        .useHttp1_1(true)
        .withExecutor(bodyWriters())
        .withConnectionTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .withIdleTimeout(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .withRequestTimeout(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .build();
  }

  /**
   * How to wait for a call of {@code client} no longer than a limit: on the caller's thread for a
   * client of {@link #forReads} on one node ({@link CallerThreadCalls}), otherwise on a thread of
   * the call's own ({@link BoundedCalls}, named {@code threadName}).
   */
  public static CallLimit callLimit(SolrClient client, String threadName) {
    return client instanceof CallerThreadHttpClient ? CallerThreadCalls.shared() : new BoundedCalls(threadName);
  }

  /**
   * The Apache client under {@link #forReads}: SolrJ's own ({@code HttpClientUtil}) without what a
   * read of one Solr node never uses and each exchange paid for (cookies, redirects, authentication
   * state, automatic retries, the proxy look-up), ~8 % of the query service's CPU samples per member
   * search (JFR, docs/benchmarks.md). As SolrJ's: a pool as large as SolrJ's default, a connection
   * idle for 3 s checked before reuse, idle ones closed after 50 s, no compression, TLS as the JVM's
   * system properties configure it. SolrIndex itself sends once more a read whose kept-alive
   * connection closed unanswered; a proxy named by the {@code http(s).proxyHost} system properties is
   * still used.
   */
  static CloseableHttpClient readClient() {
    PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager(
        RegistryBuilder.<ConnectionSocketFactory>create()
            .register("http", PlainConnectionSocketFactory.getSocketFactory())
            .register("https", SSLConnectionSocketFactory.getSystemSocketFactory())
            .build());
    pool.setMaxTotal(MAX_CONNECTIONS);
    pool.setDefaultMaxPerRoute(MAX_CONNECTIONS);
    pool.setValidateAfterInactivity(VALIDATE_AFTER_IDLE_MS);
    boolean proxied = System.getProperty("http.proxyHost") != null || System.getProperty("https.proxyHost") != null;
    return HttpClientBuilder.create()
        .setConnectionManager(pool)
        .setRoutePlanner(proxied ? new SystemDefaultRoutePlanner(ProxySelector.getDefault())
            : new DefaultRoutePlanner(DefaultSchemePortResolver.INSTANCE))
        .disableCookieManagement()
        .disableRedirectHandling()
        .disableAuthCaching()
        .disableAutomaticRetries()
        .disableContentCompression()
        .disableConnectionState()
        .evictIdleConnections(EVICT_IDLE_MS, TimeUnit.MILLISECONDS)
        .setDefaultRequestConfig(RequestConfig.custom().setRedirectsEnabled(false).setDecompressionEnabled(false).build())
        .build();
  }

  /** A pool that grows instead of queueing, idle threads ending after a minute. */
  static ThreadPoolExecutor bodyWriters() {
    return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
        runnable -> {
          Thread thread = new Thread(runnable, "solr-body-writer");
          thread.setDaemon(true);
          return thread;
        });
  }

  /**
   * The ZooKeeper session is kept short enough that the client hears of a lost node soon, long
   * enough that a GC pause does not drop it; ZooKeeper is connected to on the first request.
   */
  private static SolrClient cloud(SolrSettings settings, ZkHosts zk) {
    return new CloudLegacySolrClient.Builder(zk.hosts(), zk.chroot())
        .withConnectionTimeout((int) settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .withSocketTimeout((int) settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .withZkConnectTimeout(ZK_CONNECT_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .withZkClientTimeout(ZK_SESSION_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .build();
  }
}
