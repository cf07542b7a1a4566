package com.expat.search.query.solr;

import com.expat.search.common.solr.BoundedCalls;
import com.expat.search.common.solr.CallLimit;
import com.expat.search.common.solr.SolrClients;
import com.expat.search.common.solr.SolrSettings;
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
import java.util.concurrent.TimeoutException;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.params.CursorMarkParams;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.params.ShardParams;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.common.util.Utils;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.apache.http.NoHttpResponseException;

/**
 * The service's one door to Solr: reads only, each bounded by the client's time limits, and every
 * library failure translated here into {@link IndexUnavailableException} (Solr down, slow, or a
 * missing core) or {@link IndexQueryException} (Solr rejected a request we built). Thread-safe.
 *
 * <p>Built by {@link #of}, the reads of one API request share its {@link RequestBudget}: each call
 * waits at most for what is left of it, and none is made once nothing is left (a 503). The
 * client's own limit bounds each wait for a byte, not the whole answer, so only a limit of our own
 * also bounds an answer that trickles or stops mid-way: on one node, with the client of
 * {@link SolrClients#forReads}, the call runs on the caller's thread and a watchdog ends it at the
 * limit ({@link com.expat.search.common.solr.CallerThreadCalls}); with another client it runs on a
 * thread of its own that the caller stops waiting for ({@link BoundedCalls#call}). Reads outside a
 * request (the start's checks, readiness pings) are waited for as long as one call's limit.
 *
 * <p>On SolrCloud ({@link #of} with ZooKeeper hosts) every read has a second chance within its
 * limit ({@link BoundedCalls#callWithSecondChance}): when it fails, or has not answered after half
 * the limit, it is sent once more, preferring another live node's replicas than the first attempt
 * did, and the first answer wins; after the limit it is a 503. The limit is the smaller of {@code
 * SOLR_REQUEST_TIMEOUT_MS} and what is left of the request, so a second chance is taken only while
 * the request has time for it. The client alone already skips a node that refuses the connection,
 * but with two replicas a dead node and a stalled one at once left it nothing to try
 * (docs/scale.md), and a replica that timed out could be followed by another full timeout, past
 * the contract's second.
 */
public final class SolrIndex {
  private final SolrClient client;
  private final MeterRegistry registry;
  private final Attempts attempts;
  /** By core and outcome, found once rather than built and looked up on every call. */
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

  /** A read, with the parameters of one attempt. */
  private interface Read<T> {
    T run(SolrParams params) throws SolrServerException, IOException;
  }

  /** How each read is made and bounded. */
  private interface Attempts {
    <T> T run(String core, SolrParams params, Read<T> read) throws SolrServerException, IOException;
  }

  /** Once, bounded by the client's own limits. */
  private static final class AsTheyCome implements Attempts {
    @Override
    public <T> T run(String core, SolrParams params, Read<T> read) throws SolrServerException, IOException {
      return read.run(params);
    }
  }

  /**
   * On one node, waited for no longer than what is left of the request's budget, or outside a
   * request than the client's own limit (which bounds each wait for a byte). A read
   * whose connection closed before any byte of an answer came back ({@link #closedUnanswered}) is
   * sent once more, on another connection, within what is left: a kept-alive connection that Solr
   * closed just as the client reused it fails that way (docs/reliability.md), every read here is
   * idempotent, and without it the website got a 503 for a Solr that was fine.
   *
   * @param clientLimitNanos the client's own limit of one call ({@code SOLR_REQUEST_TIMEOUT_MS})
   */
  private record OneNode(RequestBudget budget, long clientLimitNanos, CallLimit calls) implements Attempts {
    @Override
    public <T> T run(String core, SolrParams params, Read<T> read) throws SolrServerException, IOException {
      try {
        return calls.call(() -> read.run(params), budget.callLimitNanos(clientLimitNanos, core));
      } catch (SolrServerException | IOException | RuntimeException e) {
        if (!closedUnanswered(e)) {
          throw e;
        }
        return calls.call(() -> read.run(params), budget.callLimitNanos(clientLimitNanos, core));
      }
    }
  }

  /**
   * Whether a call failed because its connection ended before any byte of an answer: Apache
   * HttpClient's {@link NoHttpResponseException} (the client of {@link SolrClients#forReads}), or
   * the JDK client's "header parser received no bytes", however SolrJ wraps it. Not a time limit
   * ({@link CallLimit} reports those with a {@link TimeoutException}), not an answer cut off
   * mid-body, not a refused connection.
   */
  static boolean closedUnanswered(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TimeoutException) {
        return false;
      }
      if (t instanceof NoHttpResponseException
          || t instanceof IOException && t.getMessage() != null && t.getMessage().contains("received no bytes")) {
        return true;
      }
    }
    return false;
  }

  /**
   * On SolrCloud, with a second chance within the smaller of the client's limit and what is left of
   * the request's budget.
   *
   * @param nodes the base URLs of the live nodes: each attempt of a read prefers another one's
   *     replicas ({@code shards.preference=replica.location:...}), so that a second attempt does
   *     not meet the node that stalled the first
   */
  private record SecondChance(RequestBudget budget, long clientLimitNanos, BoundedCalls calls,
      Supplier<List<String>> nodes) implements Attempts {
    /** A read that has not answered after this much of its limit is sent again. */
    static long afterNanos(long limitNanos) {
      return limitNanos / 2;
    }

    @Override
    public <T> T run(String core, SolrParams params, Read<T> read) throws SolrServerException, IOException {
      long limit = budget.callLimitNanos(clientLimitNanos, core);
      List<String> live = nodes.get();
      int first = live.isEmpty() ? 0 : ThreadLocalRandom.current().nextInt(live.size());
      return calls.callWithSecondChance(attempt -> () -> read.run(forAttempt(params, live, first + attempt)),
          afterNanos(limit), limit, SolrIndex::retryable);
    }

    private static SolrParams forAttempt(SolrParams params, List<String> live, int node) {
      if (live.size() < 2) {
        return params;
      }
      ModifiableSolrParams preferring = new ModifiableSolrParams(params);
      preferring.set(ShardParams.SHARDS_PREFERENCE,
          ShardParams.SHARDS_PREFERENCE_REPLICA_LOCATION + ":" + live.get(node % live.size()));
      return preferring;
    }
  }

  public SolrIndex(SolrClient client) {
    this(client, new SimpleMeterRegistry());
  }

  /** Times every call as {@code expat_solr_requests_seconds{core,outcome}} in {@code registry}. */
  public SolrIndex(SolrClient client, MeterRegistry registry) {
    this(client, registry, new AsTheyCome());
  }

  private SolrIndex(SolrClient client, MeterRegistry registry, Attempts attempts) {
    this.client = Objects.requireNonNull(client, "client");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.attempts = attempts;
  }

  /**
   * The index for {@code client}, built from {@code settings}: every read made while {@code budget}
   * bounds a request waits at most for what is left of it; on SolrCloud each read gets a second
   * chance within the smaller of that and {@link SolrSettings#requestTimeout()}; on one node it is
   * made once (a second attempt would meet the same node).
   */
  public static SolrIndex of(SolrClient client, MeterRegistry registry, SolrSettings settings, RequestBudget budget) {
    long clientLimit = settings.requestTimeout().toNanos();
    if (settings.zkHosts().isEmpty()) {
      return new SolrIndex(client, registry,
          new OneNode(budget, clientLimit, SolrClients.callLimit(client, "solr-read")));
    }
    Supplier<List<String>> nodes = client instanceof CloudSolrClient cloud
        ? () -> cloud.getClusterStateProvider().getLiveNodes().stream().sorted()
            .map(node -> Utils.getBaseUrlForNodeName(node, "http")).toList()
        : List::of;
    return new SolrIndex(client, registry,
        new SecondChance(budget, clientLimit, new BoundedCalls("solr-read"), nodes));
  }

  /** Runs a search on {@code core}; parameters travel in the body, so long id lists fit. */
  public QueryResponse query(String core, SolrParams params) {
    return call(core, params, attempt -> client.query(core, attempt, SolrRequest.METHOD.POST));
  }

  /**
   * Every document {@code params} finds, page by page with a cursor, each handed to {@code each}.
   *
   * @param params the query, fields and a sort that ends on the unique key ({@code id asc})
   * @param pageSize documents per request
   */
  public void forEach(String core, SolrParams params, int pageSize, java.util.function.Consumer<SolrDocument> each) {
    String cursor = CursorMarkParams.CURSOR_MARK_START;
    while (true) {
      ModifiableSolrParams page = new ModifiableSolrParams(params);
      page.set("rows", pageSize);
      page.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
      QueryResponse response = query(core, page);
      response.getResults().forEach(each);
      String next = response.getNextCursorMark();
      if (next == null || next.equals(cursor)) {
        return;
      }
      cursor = next;
    }
  }

  /**
   * The document with this id, by real-time get (sees updates not yet committed); empty when
   * there is none or only the tombstone of a delete.
   */
  public Optional<SolrDocument> get(String core, String id, String... fields) {
    SolrDocument doc = call(core, fieldList(fields), attempt -> client.getById(core, id, attempt));
    return doc == null || isTombstone(doc) ? Optional.empty() : Optional.of(doc);
  }

  /** The documents with these ids that exist, by real-time get, tombstones left out. */
  public List<SolrDocument> get(String core, Collection<String> ids, String... fields) {
    SolrDocumentList docs = call(core, fieldList(fields), attempt -> client.getById(core, ids, attempt));
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
    call(core, params, attempt -> client.query(core, attempt, SolrRequest.METHOD.GET));
  }

  private <T> T call(String core, SolrParams params, Read<T> call) {
    long start = System.nanoTime();
    String outcome = "error";
    try {
      T result = timed(core, params, call);
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

  private <T> T timed(String core, SolrParams params, Read<T> call) {
    try {
      return attempts.run(core, params, call);
    } catch (SolrServerException | IOException e) {
      throw new IndexUnavailableException("Solr core " + core + " did not answer: " + e, e);
    } catch (SolrException e) {
      // 404: the core or alias is missing (e.g. mid-setup); 5xx: the node is unwell. An answer cut
      // off mid-body comes as a "parsing error" under its status (200) with the I/O failure as cause.
      if (e.code() == 404 || e.code() >= 500 || e.code() <= 0 || hasIoCause(e)) {
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

  /** Whatever Solr did not reject as a bad request (4xx) may be read again. */
  private static boolean retryable(Exception e) {
    return !(e instanceof SolrException solr && solr.code() >= 400 && solr.code() < 500);
  }

  private static boolean hasIoCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException || t instanceof TimeoutException) {
        return true;
      }
    }
    return false;
  }
}
