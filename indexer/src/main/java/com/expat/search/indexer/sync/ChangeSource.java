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
   * Where a change came from, as its source needs it to settle the change: each source has its
   * own, and is only ever handed back its own.
   */
  interface Receipt {}

  /**
   * Waits up to a short while for a first change, then gathers more for at most {@code linger},
   * up to {@code max}. Empty when nothing arrived.
   */
  List<Received> poll(int max, Duration linger) throws InterruptedException;

  /**
   * The changes are in the index: they will not be delivered again. Best effort, never throws;
   * call it at most once per change.
   */
  void acknowledge(List<Received> done);

  /**
   * Sends a change that can never be indexed to the dead-letter queue with {@code reason}, and
   * settles it. Call it at most once per change, and never for one already acknowledged: settling
   * a delivery twice is a protocol error that costs the consumer its channel.
   *
   * @return true when it was dead-lettered; false when it could no longer be settled (its channel
   *     closed since it was received) and will be redelivered instead
   * @throws SyncException when the dead letter was not confirmed (a passing failure: the change is
   *     not settled, and may be dead-lettered again later)
   */
  boolean deadLetter(Received change, String reason);

  /** Messages waiting in the queue (consumer lag), or -1 when unknown. */
  long backlog();

  /** Stops taking new messages; what was delivered and not acknowledged will be redelivered. */
  void stopConsuming();

  @Override
  void close();
}
