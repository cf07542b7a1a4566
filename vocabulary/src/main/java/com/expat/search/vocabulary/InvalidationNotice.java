package com.expat.search.vocabulary;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a batch of the indexer changes in the index: the notices published on {@link #EXCHANGE}
 * (docs/contract-additions.md, "Invalidation notice") so that the query service drops or filters
 * cached answers. A batch announces the rows it is about to write ({@link Phase#PENDING}, before
 * its first write, so that caches stop trusting answers about them before any search can see the
 * change), then tells what it made visible ({@link Phase#VISIBLE}, after the soft commit), both
 * under one {@code batch} id. The indexer writes it with {@link #toJson()}; the query service
 * reads the same names ({@link #MEMBERS}, {@link #REMOVED}, ...) with its JSON library. Immutable.
 *
 * @param removedMembers members whose document was deleted (deactivated, deleted, gone)
 * @param changedMembers members whose document was rewritten (including turned unsearchable,
 *     a new block or contact)
 * @param removedEvents events no longer published or gone
 * @param changedEvents events rewritten
 * @param indexedAt when the changes became visible (pending: when they were announced)
 * @param batch the batch's id, the same in its two notices; null when not known
 * @param phase whether the rows are about to be written or visible
 */
public record InvalidationNotice(
    List<Long> removedMembers,
    List<Long> changedMembers,
    List<Long> removedEvents,
    List<Long> changedEvents,
    Instant indexedAt,
    String batch,
    Phase phase) {
  /** The fan-out exchange the notices are published on (default; {@code INVALIDATION_EXCHANGE}). */
  public static final String EXCHANGE = "expat.search.invalidations";
  /** The AMQP {@code type} property of a notice. */
  public static final String TYPE = "search.invalidation";

  public static final String MEMBERS = "members";
  public static final String EVENTS = "events";
  public static final String REMOVED = "removed";
  public static final String CHANGED = "changed";
  public static final String INDEXED_AT = "indexed_at";
  public static final String BATCH = "batch";
  public static final String PHASE = "phase";

  /** Where a batch is: its rows about to be written, or visible to searches. */
  public enum Phase {
    PENDING("pending"),
    VISIBLE("visible");

    private final String wire;

    Phase(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }
  }

  public InvalidationNotice {
    removedMembers = List.copyOf(removedMembers);
    changedMembers = List.copyOf(changedMembers);
    removedEvents = List.copyOf(removedEvents);
    changedEvents = List.copyOf(changedEvents);
    Objects.requireNonNull(indexedAt, "indexedAt");
    Objects.requireNonNull(phase, "phase");
    if (phase == Phase.PENDING && batch == null) {
      throw new IllegalArgumentException("an announcement names its batch");
    }
  }

  /** What a batch made visible, not tied to a batch id (the form without {@code phase}). */
  public InvalidationNotice(List<Long> removedMembers, List<Long> changedMembers, List<Long> removedEvents,
      List<Long> changedEvents, Instant indexedAt) {
    this(removedMembers, changedMembers, removedEvents, changedEvents, indexedAt, null, Phase.VISIBLE);
  }

  /** The announcement of batch {@code batch}, about to write the rows {@code members} and {@code events}. */
  public static InvalidationNotice pending(String batch, List<Long> members, List<Long> events, Instant at) {
    return new InvalidationNotice(List.of(), members, List.of(), events, at, batch, Phase.PENDING);
  }

  /** This notice as one of batch {@code batch}. */
  public InvalidationNotice of(String batch) {
    return new InvalidationNotice(removedMembers, changedMembers, removedEvents, changedEvents, indexedAt,
        Objects.requireNonNull(batch, "batch"), phase);
  }

  public boolean isPending() {
    return phase == Phase.PENDING;
  }

  public boolean isEmpty() {
    return removedMembers.isEmpty() && changedMembers.isEmpty()
        && removedEvents.isEmpty() && changedEvents.isEmpty();
  }

  /** Every member the notice names, removed first. */
  public List<Long> members() {
    return concat(removedMembers, changedMembers);
  }

  /** Every event the notice names, removed first. */
  public List<Long> events() {
    return concat(removedEvents, changedEvents);
  }

  /**
   * The wire form, e.g. {@code {"members":{"removed":[3],"changed":[1,2]},"events":{...},
   * "indexed_at":"...","batch":"...","phase":"visible"}}; {@code batch} and {@code phase} only
   * with a batch id (a UUID, never escaped).
   */
  public String toJson() {
    return "{" + group(MEMBERS, removedMembers, changedMembers) + "," + group(EVENTS, removedEvents, changedEvents)
        + ",\"" + INDEXED_AT + "\":\"" + indexedAt + "\""
        + (batch == null ? "" : ",\"" + BATCH + "\":\"" + batch + "\",\"" + PHASE + "\":\"" + phase.wire + "\"")
        + "}";
  }

  private static String group(String name, List<Long> removed, List<Long> changed) {
    return "\"" + name + "\":{\"" + REMOVED + "\":" + list(removed) + ",\"" + CHANGED + "\":" + list(changed) + "}";
  }

  private static String list(List<Long> ids) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < ids.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(ids.get(i));
    }
    return out.append(']').toString();
  }

  private static List<Long> concat(List<Long> first, List<Long> second) {
    List<Long> all = new ArrayList<>(first.size() + second.size());
    all.addAll(first);
    all.addAll(second);
    return List.copyOf(all);
  }
}
