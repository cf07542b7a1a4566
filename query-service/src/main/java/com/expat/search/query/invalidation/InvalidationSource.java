package com.expat.search.query.invalidation;

import com.expat.search.vocabulary.InvalidationNotice;

/**
 * Where invalidation notices come from. {@link #start} begins delivering to the listener on a
 * thread of the source's own; the source reports when delivery is (re)established and when it
 * is lost, since notices may be missed in between. Implementations never throw from their
 * threads and keep trying to reconnect until {@link #close}.
 */
public interface InvalidationSource extends AutoCloseable {

  /** What a source tells. Implementations must be thread-safe and quick. */
  interface Listener {
    /** Every notice from now on will be delivered (until {@link #disconnected}). */
    void connected();

    /** Notices may be missed from now on. */
    void disconnected();

    void notice(InvalidationNotice notice);
  }

  void start(Listener listener);

  @Override
  void close();
}
