package com.expat.search.common.solr;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.solr.client.solrj.SolrServerException;

/**
 * Runs SolrJ calls on threads of its own so that the caller can stop waiting at a deadline
 * shorter than the client's time limits (the JDK HTTP client can also wait past its request
 * timeout when a connection breaks mid-body). The abandoned call is interrupted and ends with its
 * client's own time limit. Threads are daemons and end after a minute idle, so nothing needs
 * closing. Thread-safe.
 */
public final class BoundedCalls {
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
      Throwable cause = e.getCause();
      if (cause instanceof SolrServerException solr) {
        throw solr;
      }
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IOException(cause);
    }
  }
}
