package com.expat.search.vocabulary;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a batch of the indexer changed in the index, visible to searches: the notice published on
 * {@link #EXCHANGE} (docs/contract-additions.md, "Invalidation notice") so that the query service
 * drops or filters cached answers. The indexer writes it with {@link #toJson()}; the query service
 * reads the same names ({@link #MEMBERS}, {@link #REMOVED}, ...) with its JSON library. Immutable.
 *
 * @param removedMembers members whose document was deleted (deactivated, deleted, gone)
 * @param changedMembers members whose document was rewritten (including turned unsearchable,
 *     a new block or contact)
 * @param removedEvents events no longer published or gone
 * @param changedEvents events rewritten
 * @param indexedAt when the changes became visible
 */
public record InvalidationNotice(
    List<Long> removedMembers,
    List<Long> changedMembers,
    List<Long> removedEvents,
    List<Long> changedEvents,
    Instant indexedAt) {
  /** The fan-out exchange the notices are published on (default; {@code INVALIDATION_EXCHANGE}). */
  public static final String EXCHANGE = "expat.search.invalidations";
  /** The AMQP {@code type} property of a notice. */
  public static final String TYPE = "search.invalidation";

  public static final String MEMBERS = "members";
  public static final String EVENTS = "events";
  public static final String REMOVED = "removed";
  public static final String CHANGED = "changed";
  public static final String INDEXED_AT = "indexed_at";

  public InvalidationNotice {
    removedMembers = List.copyOf(removedMembers);
    changedMembers = List.copyOf(changedMembers);
    removedEvents = List.copyOf(removedEvents);
    changedEvents = List.copyOf(changedEvents);
    Objects.requireNonNull(indexedAt, "indexedAt");
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

  /** The wire form, e.g. {@code {"members":{"removed":[3],"changed":[1,2]},"events":{...},...}}. */
  public String toJson() {
    return "{" + group(MEMBERS, removedMembers, changedMembers) + "," + group(EVENTS, removedEvents, changedEvents)
        + ",\"" + INDEXED_AT + "\":\"" + indexedAt + "\"}";
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
