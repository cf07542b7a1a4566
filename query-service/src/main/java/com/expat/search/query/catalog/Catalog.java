package com.expat.search.query.catalog;

import com.expat.search.query.solr.IndexUnavailableException;
import com.expat.search.query.solr.RequestBudget;
import com.expat.search.query.solr.SolrIndex;
import com.expat.search.vocabulary.CatalogFields;
import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.params.ModifiableSolrParams;

/**
 * The catalog core as one {@link CatalogSnapshot}, read in one pass ({@link SolrIndex#forEach},
 * pages of {@value #PAGE}) and read again once it is {@code ttl} old: the catalog changes only when
 * it is rebuilt. Every reading runs on {@code reader}, apart from any request, so that it is not cut
 * by one request's {@link RequestBudget} (the whole catalog takes seconds to read on a loaded
 * machine) and a request never waits for a reading again once there is a snapshot: until the new
 * reading is in, the one before serves, also when the new one fails (it is tried again at the next
 * use). Only before the first reading is in does a request wait, for at most what is left of its
 * budget. Thread-safe.
 */
public final class Catalog {
  /**
   * Documents per request: each page well inside one call's time limit ({@code
   * SOLR_REQUEST_TIMEOUT_MS}, 800 ms by default) on a cold or loaded Solr. Pages of 1,000 missed it
   * right after the demo's rebuild, and then every reading failed until Solr warmed up.
   */
  static final int PAGE = 250;

  private final SolrIndex index;
  private final String core;
  private final RequestBudget budget;
  private final AsyncLoadingCache<Boolean, CatalogSnapshot> snapshot;

  /**
   * @param core the catalog core or alias
   * @param ttl how long one reading is used before the next is started (0: at every use)
   * @param budget the budget of the request a caller serves, if any: how long it may wait for the
   *     first reading
   * @param reader runs the readings
   */
  public Catalog(SolrIndex index, String core, Duration ttl, Ticker ticker, RequestBudget budget, Executor reader) {
    this.index = index;
    this.core = core;
    this.budget = budget;
    // A TTL of 0 (CATALOG_CACHE_TTL_SECONDS=0) reads again at every use, the reading before serving
    // meanwhile; Caffeine wants a positive refresh interval.
    Duration refresh = ttl.isZero() || ttl.isNegative() ? Duration.ofNanos(1) : ttl;
    this.snapshot = Caffeine.newBuilder().refreshAfterWrite(refresh).ticker(ticker).executor(reader).maximumSize(1)
        .buildAsync(key -> read());
  }

  /**
   * Whether a reading is in, without waiting; when none is and none is under way, starts one. The
   * service is not ready until this is true ({@code /health/ready}): before it, every request that
   * needs the catalog could only wait for it and answer 503.
   */
  public boolean isRead() {
    CompletableFuture<CatalogSnapshot> reading = snapshot.get(Boolean.TRUE);
    return reading.isDone() && !reading.isCompletedExceptionally();
  }

  /**
   * The catalog as last read (at most about {@code ttl} old while Solr answers).
   *
   * @throws IndexUnavailableException when there is no reading yet and none comes within what is
   *     left of the caller's request (or at all, outside a request)
   */
  public CatalogSnapshot snapshot() {
    CompletableFuture<CatalogSnapshot> reading = snapshot.get(Boolean.TRUE);
    if (reading.isDone() && !reading.isCompletedExceptionally()) {
      return reading.join();
    }
    OptionalLong left = budget.nanosLeft();
    try {
      return left.isPresent() ? reading.get(left.getAsLong(), TimeUnit.NANOSECONDS) : reading.get();
    } catch (TimeoutException e) {
      throw new IndexUnavailableException("the catalog core " + core + " was not read within the request's time", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new IndexUnavailableException("the catalog core " + core + " could not be read", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IndexUnavailableException("interrupted while waiting for the catalog core " + core, e);
    }
  }

  private CatalogSnapshot read() {
    ModifiableSolrParams params = new ModifiableSolrParams();
    params.set("q", "*:*");
    params.set("fl", CatalogSnapshot.fields());
    params.set("sort", CatalogFields.ID + " asc");
    List<SolrDocument> docs = new ArrayList<>();
    index.forEach(core, params, PAGE, docs::add);
    return CatalogSnapshot.of(docs);
  }
}
