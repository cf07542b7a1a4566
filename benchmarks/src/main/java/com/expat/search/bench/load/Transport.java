package com.expat.search.bench.load;

import java.util.concurrent.CompletableFuture;

/**
 * Sends one request without waiting for its answer. The returned future completes (normally or
 * exceptionally) when the answer has been read in full; implementations must bound how long that
 * takes (a request timeout), so that every future completes. {@link #send} itself must not block
 * for the answer: the open-loop runner calls it from its single scheduling thread.
 */
@FunctionalInterface
public interface Transport {
  CompletableFuture<Reply> send(LoadRequest request);
}
