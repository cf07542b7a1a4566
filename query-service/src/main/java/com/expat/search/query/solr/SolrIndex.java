package com.expat.search.query.solr;

import com.expat.search.vocabulary.IndexFields;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.params.SolrParams;

/**
 * The service's one door to Solr: reads only, each bounded by the client's time limits, and every
 * library failure translated here into {@link IndexUnavailableException} (Solr down, slow, or a
 * missing core) or {@link IndexQueryException} (Solr rejected a request we built). Thread-safe.
 */
public final class SolrIndex {
  /** Set on the document a versioned delete leaves behind; real-time get still returns it. */

  private final SolrClient client;
  private final MeterRegistry registry;
  /** By core and outcome, found once rather than built and looked up on every call. */
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

  public SolrIndex(SolrClient client) {
    this(client, new SimpleMeterRegistry());
  }

  /** Times every call as {@code expat_solr_requests_seconds{core,outcome}} in {@code registry}. */
  public SolrIndex(SolrClient client, MeterRegistry registry) {
    this.client = Objects.requireNonNull(client, "client");
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /** Runs a search on {@code core}; parameters travel in the body, so long id lists fit. */
  public QueryResponse query(String core, SolrParams params) {
    return call(core, () -> client.query(core, params, SolrRequest.METHOD.POST));
  }

  /**
   * The document with this id, by real-time get (sees updates not yet committed); empty when
   * there is none or only the tombstone of a delete.
   */
  public Optional<SolrDocument> get(String core, String id, String... fields) {
    SolrDocument doc = call(core, () -> client.getById(core, id, fieldList(fields)));
    return doc == null || isTombstone(doc) ? Optional.empty() : Optional.of(doc);
  }

  /** The documents with these ids that exist, by real-time get, tombstones left out. */
  public List<SolrDocument> get(String core, Collection<String> ids, String... fields) {
    SolrDocumentList docs = call(core, () -> client.getById(core, ids, fieldList(fields)));
    return docs.stream().filter(doc -> !isTombstone(doc)).toList();
  }

  private static ModifiableSolrParams fieldList(String... fields) {
    ModifiableSolrParams params = new ModifiableSolrParams();
    if (fields.length > 0) {
      params.set("fl", String.join(",", fields) + "," + IndexFields.TOMBSTONE);
    }
    return params;
  }

  private static boolean isTombstone(SolrDocument doc) {
    Object value = doc.getFirstValue(IndexFields.TOMBSTONE);
    return Boolean.TRUE.equals(value) || "true".equals(value);
  }

  /** Answers when {@code core} can run a trivial search; throws as {@link #query} otherwise. */
  public void ping(String core) {
    ModifiableSolrParams params = new ModifiableSolrParams();
    params.set("q", "*:*");
    params.set("rows", 0);
    params.set("timeAllowed", 500);
    call(core, () -> client.query(core, params, SolrRequest.METHOD.GET));
  }

  private interface SolrCall<T> {
    T run() throws SolrServerException, IOException;
  }

  private <T> T call(String core, SolrCall<T> call) {
    long start = System.nanoTime();
    String outcome = "error";
    try {
      T result = timed(core, call);
      outcome = "ok";
      return result;
    } finally {
      String labels = outcome;
      timers.computeIfAbsent(core + '\n' + outcome, key -> timer(core, labels))
          .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }
  }

  private Timer timer(String core, String outcome) {
    return Timer.builder("expat.solr.requests").description("Solr calls by core and outcome")
        .tag("core", core).tag("outcome", outcome)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofSeconds(10))
        .register(registry);
  }

  private static <T> T timed(String core, SolrCall<T> call) {
    try {
      return call.run();
    } catch (SolrServerException | IOException e) {
      throw new IndexUnavailableException("Solr core " + core + " did not answer: " + e, e);
    } catch (SolrException e) {
      // 404: the core or alias is missing (e.g. mid-setup); 5xx: the node is unwell.
      if (e.code() == 404 || e.code() >= 500 || e.code() <= 0) {
        throw new IndexUnavailableException(
            "Solr core " + core + " answered " + e.code() + ": " + e.getMessage(), e);
      }
      throw new IndexQueryException("Solr core " + core + " rejected a request: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      if (hasIoCause(e)) {
        throw new IndexUnavailableException("Solr core " + core + " did not answer: " + e, e);
      }
      throw e;
    }
  }

  private static boolean hasIoCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException || t instanceof java.util.concurrent.TimeoutException) {
        return true;
      }
    }
    return false;
  }
}
