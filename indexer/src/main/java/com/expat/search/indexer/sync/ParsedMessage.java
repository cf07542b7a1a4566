package com.expat.search.indexer.sync;

import java.time.Instant;
import java.util.Objects;

/**
 * What a message on {@code expat.changes} says, once checked: a change to look at again, or a
 * poison message that can never be processed and goes to the dead-letter queue.
 */
sealed interface ParsedMessage {

  /**
   * "Look again at this row". Only {@code entity} and {@code id} drive the work: the current state
   * is read from MariaDB.
   *
   * @param version the version the publisher saw, 0 when absent; informative only
   * @param occurredAt when the change happened, null when absent or unreadable
   */
  record Change(Entity entity, long id, long version, Instant occurredAt) implements ParsedMessage {
    public Change {
      Objects.requireNonNull(entity, "entity");
      if (id <= 0) {
        throw new IllegalArgumentException("id must be positive, was " + id);
      }
    }

    Key key() {
      return new Key(entity, id);
    }
  }

  /** A message that can never be processed, with the reason put in its {@code x-error} header. */
  record Poison(String reason) implements ParsedMessage {
    public Poison {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** One row: what coalescing groups by. */
  record Key(Entity entity, long id) {}
}
