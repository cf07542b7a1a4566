package com.expat.search.testing.solr;

import com.expat.search.common.solr.SolrClients;
import com.expat.search.common.solr.SolrSettings;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.GenericSolrRequest;

/**
 * The one Solr node of a test JVM and its shared client: {@code SOLR_URL} if set, otherwise a
 * {@link LocalSolrProcess}. Closed by JUnit when the root context ends, or at JVM exit.
 */
final class SolrNodeResource implements AutoCloseable {
  /** Admin calls and test queries may meet a busy machine; tests fail on assertions, not timeouts. */
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  private final String baseUrl;
  private final SolrClient client;
  private final boolean cloud;
  private final Optional<LocalSolrProcess> process;
  private final String runId;
  private final AtomicInteger classCounter = new AtomicInteger();
  private volatile boolean closed;

  private SolrNodeResource(String baseUrl, Optional<LocalSolrProcess> process) {
    this.baseUrl = baseUrl;
    this.process = process;
    this.client = SolrClients.create(
        SolrSettings.at(URI.create(baseUrl)).withRequestTimeout(REQUEST_TIMEOUT));
    this.cloud = isCloud(client, baseUrl);
    // Unique across JVMs sharing one SOLR_URL.
    this.runId = Long.toString(ProcessHandle.current().pid(), 36)
        + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36), 36);
  }

  static SolrNodeResource open() {
    String external = System.getenv("SOLR_URL");
    if (external != null && !external.isBlank()) {
      return new SolrNodeResource(stripSlash(external.trim()), Optional.empty());
    }
    LocalSolrProcess process = LocalSolrProcess.start(ProjectRoot.find());
    try {
      SolrNodeResource node = new SolrNodeResource(process.baseUrl(), Optional.of(process));
      Runtime.getRuntime().addShutdownHook(new Thread(node::close, "solr-test-node-stop"));
      return node;
    } catch (RuntimeException e) {
      process.close();
      throw e;
    }
  }

  /** Fresh cores for one test class; {@code owner} only makes their names readable. */
  TestCoreSet createCores(String owner) {
    String suffix = sanitize(owner) + "_" + runId + "_" + classCounter.incrementAndGet();
    return TestCoreSet.create(client, baseUrl, cloud, suffix);
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      client.close();
    } catch (IOException e) {
      // nothing to do: the node goes away next
    }
    process.ifPresent(LocalSolrProcess::close);
  }

  private static boolean isCloud(SolrClient client, String baseUrl) {
    try {
      var info = client.request(new GenericSolrRequest(SolrRequest.METHOD.GET, "/admin/info/system"));
      return "solrcloud".equals(info.get("mode"));
    } catch (SolrServerException | IOException | RuntimeException e) {
      throw new IllegalStateException("Solr at " + baseUrl + " does not answer: " + e, e);
    }
  }

  private static String sanitize(String name) {
    String clean = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    return clean.isEmpty() ? "test" : clean.substring(0, Math.min(clean.length(), 40));
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
