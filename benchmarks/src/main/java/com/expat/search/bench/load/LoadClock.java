package com.expat.search.bench.load;

import java.util.concurrent.locks.LockSupport;

/**
 * Time for the load generator: a monotonic nanosecond clock and a way to wait until an instant
 * of it. Injected so that tests can run a schedule on virtual time.
 */
public interface LoadClock {
  long nanoTime();

  /** Returns at or after {@code deadlineNanos} (at once if it has passed). */
  void sleepUntil(long deadlineNanos);

  /** The JVM's {@link System#nanoTime()}, parking the thread until the deadline. */
  LoadClock SYSTEM =
      new LoadClock() {
        @Override
        public long nanoTime() {
          return System.nanoTime();
        }

        @Override
        public void sleepUntil(long deadlineNanos) {
          long left;
          while ((left = deadlineNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
            if (Thread.currentThread().isInterrupted()) {
              return;
            }
          }
        }
      };
}
