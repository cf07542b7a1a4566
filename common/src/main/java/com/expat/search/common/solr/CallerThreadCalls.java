package com.expat.search.common.solr;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.apache.solr.client.solrj.SolrServerException;

/**
 * Runs each SolrJ call of a {@link SolrClients#forReads} client on the caller's own thread and
 * ends it at its limit from one watchdog thread, where {@link BoundedCalls} hands every call to a
 * thread of its own and back (two thread wake-ups per call, which a JFR of the query service put
 * at a few percent of its CPU per request). Thread-safe; the watchdog is a daemon shared by the
 * process.
 *
 * <p>At the limit the watchdog ends the call where it waits: it ends the exchange the client
 * registered for the call ({@link #endWith}: the client aborts its HTTP request, which closes the
 * connection, so a blocked read of the headers or of the body fails at once with an {@link
 * IOException}), and it interrupts the caller, which ends waits that heed interrupts. The caller's
 * interrupt flag is cleared before the call returns, so no interrupt outlives it. The watchdog
 * sleeps until the earliest limit of the calls running, and a call whose limit comes sooner wakes
 * it, so a call ends at its limit (give or take the scheduler); with no call running it sleeps until
 * the next one. Calls end long before their limits, so it seldom wakes: looking every 10 ms while
 * calls ran was ~3 % of the query service's CPU samples under a steady load (JFR, docs/benchmarks.md).
 */
public final class CallerThreadCalls implements CallLimit {
  private static final ThreadLocal<Call> CURRENT = new ThreadLocal<>();
  private static final CallerThreadCalls SHARED = new CallerThreadCalls();

  private final Set<Call> running = ConcurrentHashMap.newKeySet();
  private final Thread watchdog;
  /** Whether the watchdog sleeps until a call comes (none of those running has a limit ahead). */
  private volatile boolean idle;
  /** Otherwise, the limit it sleeps until: a call with an earlier one wakes it. */
  private volatile long wakeAt;

  /** One call's state; the watchdog and the caller change it under its lock. */
  private static final class Call {
    private final Thread caller;
    private final long deadline;
    private Runnable end;
    private boolean done;
    private boolean expired;

    Call(Thread caller, long deadline) {
      this.caller = caller;
      this.deadline = deadline;
    }

    synchronized void endWith(Runnable exchange) {
      end = exchange;
      if (expired) {
        endQuietly(exchange);
      }
    }

    synchronized void expire() {
      if (done || expired) {
        return;
      }
      expired = true;
      caller.interrupt();
      if (end != null) {
        endQuietly(end);
      }
    }

    /** Whether the call ended before its limit; if not, the watchdog's interrupt is cleared. */
    synchronized boolean finish() {
      done = true;
      if (expired) {
        Thread.interrupted();
      }
      return !expired;
    }
  }

  private CallerThreadCalls() {
    watchdog = new Thread(this::watch, "solr-call-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
  }

  /** The process's one instance. */
  public static CallerThreadCalls shared() {
    return SHARED;
  }

  /**
   * How to end the exchange of the call on this thread: at its limit the watchdog runs {@code
   * exchange} (at once when the limit has passed already). Called by the client ({@link
   * SolrClients#forReads}) before it sends the request.
   */
  static void endWith(Runnable exchange) {
    Call call = CURRENT.get();
    if (call != null) {
      call.endWith(exchange);
    }
  }

  @Override
  public <T> T call(BoundedCalls.SolrCall<T> call, long nanos) throws SolrServerException, IOException {
    Call mine = new Call(Thread.currentThread(), System.nanoTime() + nanos);
    running.add(mine);
    // After the add: the watchdog publishes its sleep before it looks at the calls a last time, so
    // either it sees this call or this call sees how long it sleeps.
    if (idle || mine.deadline - wakeAt < 0) {
      LockSupport.unpark(watchdog);
    }
    CURRENT.set(mine);
    T result = null;
    Exception failure = null;
    boolean inTime;
    try {
      result = call.run();
    } catch (SolrServerException | IOException | RuntimeException e) {
      failure = e;
    } finally {
      inTime = mine.finish();
      CURRENT.remove();
      running.remove(mine);
    }
    if (inTime) {
      if (failure != null) {
        throw rethrown(failure);
      }
      return result;
    }
    IOException late = new IOException("no answer within " + TimeUnit.NANOSECONDS.toMillis(nanos) + " ms",
        new TimeoutException());
    if (failure != null) {
      late.addSuppressed(failure);
    }
    throw late;
  }

  /** As it was; an interrupt of the caller's own (not the watchdog's) as {@link BoundedCalls} reports it. */
  private static IOException rethrown(Exception failure) throws SolrServerException {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof InterruptedException) {
        Thread.currentThread().interrupt();
        return new IOException("interrupted", failure);
      }
    }
    if (failure instanceof SolrServerException solr) {
      throw solr;
    }
    if (failure instanceof RuntimeException runtime) {
      throw runtime;
    }
    return (IOException) failure;
  }

  private void watch() {
    while (true) {
      Call next = expireDueAndFindNext();
      if (next == null) {
        idle = true;
        if (expireDueAndFindNext() == null) {
          LockSupport.park(this);
        }
        idle = false;
        continue;
      }
      wakeAt = next.deadline;
      Call sooner = expireDueAndFindNext();
      if (sooner != null && sooner.deadline - next.deadline >= 0) {
        LockSupport.parkNanos(this, next.deadline - System.nanoTime());
      }
    }
  }

  /** Ends the calls past their limits; the call whose limit comes next, or null when none runs within its limit. */
  private Call expireDueAndFindNext() {
    long now = System.nanoTime();
    Call next = null;
    for (Call call : running) {
      if (now - call.deadline >= 0) {
        call.expire();
      } else if (next == null || call.deadline - next.deadline < 0) {
        next = call;
      }
    }
    return next;
  }

  private static void endQuietly(Runnable exchange) {
    try {
      exchange.run();
    } catch (RuntimeException e) {
      // the caller's read fails either way
    }
  }
}
