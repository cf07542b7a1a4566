package com.expat.search.bench.indexing;

import com.expat.search.vocabulary.IndexFields;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.params.ModifiableSolrParams;

/**
 * Asks the live core, every {@code interval}, for the members whose change is still pending, with
 * their {@code doc_version}: one {@code /select} request per round (the handler the query service
 * uses, which hides tombstones), with the id filter marked {@code cache=false} and a parameter that
 * changes every round, so that no cache of Solr or in between answers it. Runs on one thread.
 */
final class VisibilityPoller {
  private final SolrClient solr;
  private final String core;
  private final Visibility visibility;
  private final long intervalNanos;
  private final int batch;
  private final Histogram roundTrip = new Histogram(60_000_000L, 3);
  private final AtomicLong errors = new AtomicLong();
  private long round;

  VisibilityPoller(SolrClient solr, String core, Visibility visibility, long intervalNanos, int batch) {
    this.solr = solr;
    this.core = core;
    this.visibility = visibility;
    this.intervalNanos = intervalNanos;
    this.batch = batch;
  }

  /** Polls until {@code done} says so (checked between rounds). */
  void run(java.util.function.BooleanSupplier done) throws InterruptedException {
    while (!done.getAsBoolean()) {
      long started = System.nanoTime();
      List<Long> ids = visibility.pendingIds(batch);
      if (!ids.isEmpty()) {
        poll(ids);
      }
      long sleep = intervalNanos - (System.nanoTime() - started);
      if (sleep > 0) {
        Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
      }
    }
  }

  private void poll(List<Long> ids) {
    ModifiableSolrParams params = new ModifiableSolrParams();
    params.set("q", "*:*");
    params.set("fq", "{!terms f=" + IndexFields.ID + " cache=false}" + ids.stream().map(String::valueOf).collect(Collectors.joining(",")));
    params.set("fl", IndexFields.ID + "," + IndexFields.VERSION);
    params.set("rows", ids.size());
    params.set("bench.round", Long.toString(round++));
    long sent = System.nanoTime();
    try {
      QueryResponse response = solr.query(core, params, SolrRequest.METHOD.POST);
      long answered = System.nanoTime();
      roundTrip.recordValue(Math.min((answered - sent) / 1_000, 60_000_000L));
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
}
