package com.expat.search.indexer.reindex;

import com.expat.search.indexer.mapping.IndexChange;
import com.expat.search.indexer.solr.BulkSort;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;

/**
 * How the bulk load of a rebuild reaches Solr: the pages its readers map, in whatever order they
 * finish, are gathered into runs of {@code rowsPerRun} rows; each run is sorted in the build core's
 * order ({@link BulkSort#key}, by city) and sent by one thread, one page per update, then
 * flushed ({@link Writer#flush}).
 *
 * <p>Why. The build core is sorted by city (its index sort), so Lucene sorts every segment it
 * flushes, unless the segment's documents arrived already in that order: then its {@code Sorter}
 * returns no document map and the segment is written as it is. That sort (postings, doc values and
 * stored fields re-ordered) was a third of Solr's CPU in a rebuild that sent pages in id order
 * (docs/benchmarks.md). Sorting a run here costs the client a few milliseconds.
 * <ul>
 *   <li><b>One sender.</b> Lucene gives each document to whichever in-memory segment
 *       ({@code DocumentsWriterPerThread}) is free at that moment, document by document, so two
 *       updates in flight interleave in every segment and neither's order survives.
 *   <li><b>A flush after each run.</b> A run covers every city; the next one starts again from the
 *       first city, so the two must not share a segment. A flush inside a run (Solr's autoCommit, a
 *       full RAM buffer) does no harm: any stretch of a sorted run is sorted.
 *   <li><b>The index sort stays.</b> Whatever arrives out of order (the live indexers' dual writes,
 *       a page sent again after a failure) lands in a segment that Lucene sorts at flush as before:
 *       the order sent saves work, the index sort guarantees the locality.
 * </ul>
 *
 * <p>Memory: at most two runs, the one filling and the one being sent; a reader that completes a
 * run waits while the previous one is still being sent. Thread-safe: {@link #add} from any thread;
 * {@link #finish} once, after the last {@link #add}; {@link #close} always.
 */
final class SortedRuns implements AutoCloseable {

  /** Where a run goes: each page of it in order, then a flush. Called from the sending thread only. */
  interface Writer {
    void write(List<IndexChange> page);

    void flush();
  }

  private final int rowsPerRun;
  private final int pageSize;
  private final Writer writer;
  private final LongConsumer sent;
  private final ExecutorService sender;
  /** One permit: a run may be handed over while none is being sent. */
  private final Semaphore idle = new Semaphore(1);
  private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
  private List<IndexChange> filling;

  /**
   * @param rowsPerRun rows sorted together, the most that two runs' worth of documents may hold in memory
   * @param pageSize documents per update
   * @param sent told the number of documents of each page Solr accepted
   * @param threads makes the one sending thread
   */
  SortedRuns(int rowsPerRun, int pageSize, Writer writer, LongConsumer sent, ThreadFactory threads) {
    if (rowsPerRun < 1 || pageSize < 1) {
      throw new IllegalArgumentException("rowsPerRun " + rowsPerRun + " and pageSize " + pageSize + " must be positive");
    }
    this.rowsPerRun = rowsPerRun;
    this.pageSize = pageSize;
    this.writer = writer;
    this.sent = sent;
    this.sender = Executors.newSingleThreadExecutor(threads);
    this.filling = new ArrayList<>(rowsPerRun + pageSize);
  }

  /**
   * Adds a page of changes; hands the run over to the sender once it holds {@code rowsPerRun}
   * rows, waiting while the previous run is still being sent.
   *
   * @throws RuntimeException the sender's failure, once it has failed
   */
  synchronized void add(List<IndexChange> page) throws InterruptedException {
    throwIfFailed();
    filling.addAll(page);
    if (filling.size() >= rowsPerRun) {
      handOver();
    }
  }

  /**
   * Sends what is left and waits until every run is written.
   *
   * @throws RuntimeException the sender's failure, if any
   */
  void finish() throws InterruptedException {
    synchronized (this) {
      throwIfFailed();
      if (!filling.isEmpty()) {
        handOver();
      }
    }
    idle.acquire();
    idle.release();
    throwIfFailed();
  }

  /** Stops the sender; a run being sent is interrupted. */
  @Override
  public void close() {
    sender.shutdownNow();
  }

  /**
   * Sorts the run that is full here, in the reader that filled it, while the sender is still busy
   * with the previous one, then waits for the sender. Solr indexes on the sender's one thread, so
   * the sender sorting a run left that thread idle: 0.6 s per run of 50,000 rows with the readers
   * on the other core (docs/benchmarks.md, third session).
   */
  private void handOver() throws InterruptedException {
    List<IndexChange> run = inOrder(filling);
    filling = new ArrayList<>(rowsPerRun + pageSize);
    idle.acquire();
    try {
      sender.execute(() -> send(run));
    } catch (RuntimeException e) {
      idle.release();
      throw e;
    }
  }

  private void send(List<IndexChange> run) {
    try {
      if (failure.get() != null) {
        return;
      }
      for (int from = 0; from < run.size(); from += pageSize) {
        List<IndexChange> page = run.subList(from, Math.min(run.size(), from + pageSize));
        writer.write(page);
        sent.accept(page.size());
      }
      writer.flush();
    } catch (RuntimeException e) {
      failure.compareAndSet(null, e);
    } finally {
      idle.release();
    }
  }

  /**
   * {@code run} by {@link BulkSort#key}, stably, each key read once: the comparator reads a
   * document's city from its field map at every comparison, which made sorting a run of 50,000
   * cost the sender a few hundred milliseconds on a busy machine.
   */
  static List<IndexChange> inOrder(List<IndexChange> run) {
    record Keyed(long key, IndexChange change) {}
    List<Keyed> keyed = new ArrayList<>(run.size());
    for (IndexChange change : run) {
      keyed.add(new Keyed(BulkSort.key(change), change));
    }
    keyed.sort(Comparator.comparingLong(Keyed::key));
    List<IndexChange> sorted = new ArrayList<>(run.size());
    for (Keyed entry : keyed) {
      sorted.add(entry.change());
    }
    return sorted;
  }

  private void throwIfFailed() {
    RuntimeException failed = failure.get();
    if (failed != null) {
      throw failed;
    }
  }
}
