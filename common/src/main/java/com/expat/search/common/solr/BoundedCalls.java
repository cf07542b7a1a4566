package com.expat.search.common.solr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import org.apache.solr.client.solrj.SolrServerException;

/**
 * Runs SolrJ calls on threads of its own so that the caller can stop waiting at a deadline
 * shorter than the client's time limits (the JDK HTTP client can also wait past its request
 * timeout when a connection breaks mid-body). The abandoned call is interrupted and ends with its
 * client's own time limit. Threads are daemons and end after a minute idle, so nothing needs
 * closing. Thread-safe.
 */
public final class BoundedCalls implements CallLimit {
  /** A SolrJ call. */
  public interface SolrCall<T> {
    T run() throws SolrServerException, IOException;
  }

  private final ExecutorService threads;

  /** @param threadName the name of its threads, for thread dumps */
  public BoundedCalls(String threadName) {
    this.threads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
        runnable -> {
          Thread thread = new Thread(runnable, threadName);
          thread.setDaemon(true);
          return thread;
        });
  }

  /**
   * The call's result, waiting at most {@code nanos}. Its exceptions are rethrown as they are.
   *
   * @throws IOException when there was no answer in time ({@link TimeoutException} as cause) or
   *     the caller was interrupted
   */
  @Override
  public <T> T call(SolrCall<T> call, long nanos) throws SolrServerException, IOException {
    Future<T> future = threads.submit(call::run);
    try {
      return future.get(nanos, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new IOException("no answer within " + TimeUnit.NANOSECONDS.toMillis(nanos) + " ms", e);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      throw rethrown(e.getCause());
    }
  }

  /**
   * An idempotent read with a second chance inside one time limit: attempt 0, and attempt 1 when
   * the first has not answered after {@code secondAfterNanos} or has failed before that; the first
   * answer wins and the other attempt is abandoned. The caller makes the two attempts go to
   * different replicas (the attempt's number says which). At most two attempts and at most {@code
   * nanos} in all, so a caller that promises an answer or an error within a time keeps it.
   *
   * @param attempt the call of attempt 0 or 1
   * @param retryable whether a failure may be tried again (not a request Solr rejected as bad)
   * @throws IOException when neither answered in time ({@link TimeoutException} as cause) or the
   *     caller was interrupted; otherwise the last attempt's failure as it was
   */
  public <T> T callWithSecondChance(IntFunction<SolrCall<T>> attempt, long secondAfterNanos, long nanos,
      Predicate<Exception> retryable) throws SolrServerException, IOException {
    long start = System.nanoTime();
    long deadline = start + nanos;
    ExecutorCompletionService<T> done = new ExecutorCompletionService<>(threads);
    List<Future<T>> attempts = new ArrayList<>(2);
    SolrCall<T> first = attempt.apply(0);
    attempts.add(done.submit(first::run));
    int running = 1;
    try {
      while (true) {
        long waitUntil = attempts.size() < 2 ? Math.min(deadline, start + secondAfterNanos) : deadline;
        Future<T> finished = done.poll(Math.max(0, waitUntil - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (finished == null) {
          if (attempts.size() == 2 || System.nanoTime() - deadline >= 0) {
            throw new IOException("no answer within " + TimeUnit.NANOSECONDS.toMillis(nanos) + " ms in "
                + attempts.size() + " attempts", new TimeoutException());
          }
          SolrCall<T> second = attempt.apply(1);
          attempts.add(done.submit(second::run));
          running++;
          continue;
        }
        running--;
        try {
          return finished.get();
        } catch (ExecutionException e) {
          Exception failure = e.getCause() instanceof Exception cause ? cause : new IOException(e.getCause());
          if (!retryable.test(failure)) {
            throw rethrown(failure);
          }
          if (attempts.size() < 2 && System.nanoTime() - deadline < 0) {
            SolrCall<T> second = attempt.apply(1);
            attempts.add(done.submit(second::run));
            running++;
          } else if (running == 0) {
            throw rethrown(failure);
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } finally {
      attempts.forEach(started -> started.cancel(true));
    }
  }

  private static IOException rethrown(Throwable cause) throws SolrServerException {
    if (cause instanceof SolrServerException solr) {
      throw solr;
    }
    if (cause instanceof IOException io) {
      return io;
    }
    if (cause instanceof RuntimeException runtime) {
      throw runtime;
    }
    return new IOException(cause);
  }
}
