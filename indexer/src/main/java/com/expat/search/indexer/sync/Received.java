package com.expat.search.indexer.sync;

import java.util.Objects;

/**
 * A valid change as received from a {@link ChangeSource}, not yet acknowledged.
 *
 * @param receipt what the source needs to acknowledge or dead-letter it (opaque to the loop)
 */
record Received(ParsedMessage.Change change, ChangeSource.Receipt receipt) {
  public Received {
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(receipt, "receipt");
  }
}
