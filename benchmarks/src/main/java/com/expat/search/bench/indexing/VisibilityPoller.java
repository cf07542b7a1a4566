package com.expat.search.bench.indexing;

import com.expat.search.vocabulary.IndexFields;
import com.expat.search.vocabulary.MemberFields;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.HdrHistogram.Histogram;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.params.ModifiableSolrParams;

/**
 * Asks the live core, every {@code interval} while a change is pending, which documents changed at
 * or after the oldest pending change: one {@code /select} per round (the handler the query service
 * uses, which hides tombstones) for {@code updated_at >= } that change's {@code updated_at}, with
 * {@code id} and {@code doc_version}. A pending change, once indexed, is such a document; the
 * documents of changes not yet indexed still carry their older {@code updated_at} and are not
 * matched. So a round's cost is a range look-up in the points index plus the documents visible
 * since the oldest pending change, however many changes wait: the measurement does not slow down as
 * the indexer falls behind. (The earlier poll asked for every pending id, up to 500 term seeks per
 * segment every 10 ms, and was 35-39 % of Solr's CPU once changes waited; docs/benchmarks.md.) The
 * filter is marked {@code cache=false} and a parameter changes every round, so no cache answers
 * it. At most {@code batch} documents per round, oldest first; a round that matched more is
 * counted in {@link #truncated}. Runs on one thread.
 */
final class VisibilityPoller {
  private final SolrClient solr;
  private final String core;
  private final Visibility visibility;
  private final long intervalNanos;
  private final int batch;
  private final Histogram roundTrip = new Histogram(60_000_000L, 3);
  private final AtomicLong errors = new AtomicLong();
  private final AtomicLong truncated = new AtomicLong();
  private long round;

  VisibilityPoller(SolrClient solr, String core, Visibility visibility, long intervalNanos, int batch) {
    this.solr = solr;
    this.core = core;
    this.visibility = visibility;
    this.intervalNanos = intervalNanos;
    this.batch = batch;
  }

  /** Polls until {@code done} says so (checked between rounds). */
  void run(BooleanSupplier done) throws InterruptedException {
    while (!done.getAsBoolean()) {
      long started = System.nanoTime();
      Optional<Instant> oldest = visibility.oldestPendingUpdatedAt();
      if (oldest.isPresent()) {
        poll(oldest.get());
      }
      long sleep = intervalNanos - (System.nanoTime() - started);
      if (sleep > 0) {
        Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
      }
    }
  }

  private void poll(Instant since) {
    ModifiableSolrParams params = new ModifiableSolrParams();
    params.set("q", "*:*");
    params.set("fq", "{!cache=false}" + MemberFields.UPDATED_AT + ":[" + since + " TO *]");
    params.set("fl", IndexFields.ID + "," + IndexFields.VERSION);
    params.set("sort", MemberFields.UPDATED_AT + " asc");
    params.set("rows", batch);
    params.set("bench.round", Long.toString(round++));
    long sent = System.nanoTime();
    try {
      QueryResponse response = solr.query(core, params, SolrRequest.METHOD.POST);
      long answered = System.nanoTime();
      roundTrip.recordValue(Math.min((answered - sent) / 1_000, 60_000_000L));
      if (response.getResults().getNumFound() > batch) {
        truncated.incrementAndGet();
      }
      for (SolrDocument document : response.getResults()) {
        Object version = document.getFirstValue(IndexFields.VERSION);
        if (version instanceof Number number) {
          visibility.seen(Long.parseLong(document.getFirstValue(IndexFields.ID).toString()), number.longValue(), answered);
        }
      }
    } catch (SolrServerException | IOException | SolrException e) {
      errors.incrementAndGet();
    }
  }

  Histogram roundTrip() {
    return roundTrip;
  }

  long errors() {
    return errors.get();
  }

  /** Rounds that matched more than {@code batch} documents (the rest waited for a later round). */
  long truncated() {
    return truncated.get();
  }
}
