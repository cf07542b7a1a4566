package com.expat.search.indexer.sync;

import java.util.Optional;

/** The kinds of row a change message names; the first word of its routing key. */
public enum Entity {
  MEMBER("member"),
  EVENT("event");

  private final String wire;

  Entity(String wire) {
    this.wire = wire;
  }

  /** The name in messages and routing keys: {@code member}, {@code event}. */
  public String wire() {
    return wire;
  }

  static Optional<Entity> fromWire(String name) {
    for (Entity entity : values()) {
      if (entity.wire.equals(name)) {
        return Optional.of(entity);
      }
    }
    return Optional.empty();
  }
}
