package com.expat.search.common.solr;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The executor of {@code HttpJdkSolrClient}, which serves two users with different needs.
 *
 * <p>The JDK HTTP client under it hands every step of every exchange to its executor through
 * {@link #execute}: reading the status line and headers, passing each piece of the body on,
 * completing the response. On a pool each step wakes another thread (a JFR of the query service
 * put these threads at 13-14 % of its thread CPU and the client at 30 % of its samples); those
 * steps only parse and pass on, none waits, so here they run at once on the thread that hands them
 * over (the client's selector thread, or the caller reading the body).
 *
 * <p>SolrJ itself {@link #submit}s one task per streamed request body (updates, long POSTed
 * queries): a writer into a pipe that blocks until the client has read what it wrote, so it needs a
 * thread of its own. Those go to a pool that grows instead of queueing, idle threads ending after
 * a minute: when a connection breaks mid-body a writer can stay blocked for good, and with a
 * small pool every later request would then wait for a writer forever (the indexer's FailureIT
 * found it with Solr cut off mid-update).
 */
final class ClientExecutor extends AbstractExecutorService {
  private final ThreadPoolExecutor bodyWriters = SolrClients.bodyWriters();

  /** The JDK HTTP client's steps: run here and now. */
  @Override
  public void execute(Runnable step) {
    step.run();
  }

  /** SolrJ's body writers, and anything else submitted: each on a thread of its own. */
  @Override
  public Future<?> submit(Runnable writer) {
    return bodyWriters.submit(writer);
  }

  @Override
  public <T> Future<T> submit(Runnable task, T result) {
    return bodyWriters.submit(task, result);
  }

  @Override
  public <T> Future<T> submit(Callable<T> task) {
    return bodyWriters.submit(task);
  }

  @Override
  public void shutdown() {
    bodyWriters.shutdown();
  }

  @Override
  public List<Runnable> shutdownNow() {
    return bodyWriters.shutdownNow();
  }

  @Override
  public boolean isShutdown() {
    return bodyWriters.isShutdown();
  }

  @Override
  public boolean isTerminated() {
    return bodyWriters.isTerminated();
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
    return bodyWriters.awaitTermination(timeout, unit);
  }
}
