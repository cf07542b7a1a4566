package com.expat.search.indexer.sync;

import com.expat.search.vocabulary.InvalidationNotice;

/** Where invalidation notices go: the fan-out exchange, or nowhere (tools, tests). */
interface InvalidationSink {
  InvalidationSink NONE = invalidation -> {};

  /**
   * Publishes the notice; returns once the broker has it.
   *
   * @throws SyncException when it could not be published (a passing failure: the batch is retried)
   */
  void publish(InvalidationNotice invalidation);
}
