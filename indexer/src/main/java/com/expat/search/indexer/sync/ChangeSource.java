package com.expat.search.indexer.sync;

import java.time.Duration;
import java.util.List;

/**
 * Where change messages come from: the I/O boundary of the live sync. Poison messages never reach
 * the caller: the source dead-letters them itself, at once. A change is redelivered until it is
 * {@linkplain #acknowledge acknowledged} or {@linkplain #deadLetter dead-lettered}.
 *
 * <p>{@link #poll} is called by one thread; the other methods may be called from any thread.
 */
interface ChangeSource extends AutoCloseable {

  /**
   * Waits up to a short while for a first change, then gathers more for at most {@code linger},
   * up to {@code max}. Empty when nothing arrived.
   */
  List<Received> poll(int max, Duration linger) throws InterruptedException;

  /** The changes are in the index: they will not be delivered again. Best effort. */
  void acknowledge(List<Received> done);

  /** Sends a change that can never be indexed to the dead-letter queue with {@code reason}. */
  void deadLetter(Received change, String reason);

  /** Messages waiting in the queue (consumer lag), or -1 when unknown. */
  long backlog();

  /** Stops taking new messages; what was delivered and not acknowledged will be redelivered. */
  void stopConsuming();

  @Override
  void close();
}
