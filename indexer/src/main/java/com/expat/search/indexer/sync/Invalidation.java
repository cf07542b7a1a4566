package com.expat.search.indexer.sync;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a batch changed in the index, visible to searches: the notice published on
 * {@code expat.search.invalidations} (docs/contract-additions.md) so that the query service drops
 * or filters cached answers.
 *
 * @param removedMembers members whose document was deleted (deactivated, deleted, gone)
 * @param changedMembers members whose document was rewritten (including turned unsearchable,
 *     a new block or contact)
 * @param removedEvents events no longer published or gone
 * @param changedEvents events rewritten
 * @param indexedAt when the changes became visible
 */
record Invalidation(
    List<Long> removedMembers,
    List<Long> changedMembers,
    List<Long> removedEvents,
    List<Long> changedEvents,
    Instant indexedAt) {

  public Invalidation {
    removedMembers = List.copyOf(removedMembers);
    changedMembers = List.copyOf(changedMembers);
    removedEvents = List.copyOf(removedEvents);
    changedEvents = List.copyOf(changedEvents);
    Objects.requireNonNull(indexedAt, "indexedAt");
  }

  boolean isEmpty() {
    return removedMembers.isEmpty() && changedMembers.isEmpty()
        && removedEvents.isEmpty() && changedEvents.isEmpty();
  }

  /** The wire form, e.g. {@code {"members":{"removed":[3],"changed":[1,2]},"events":{...},...}}. */
  String toJson() {
    return "{\"members\":{\"removed\":" + list(removedMembers) + ",\"changed\":" + list(changedMembers)
        + "},\"events\":{\"removed\":" + list(removedEvents) + ",\"changed\":" + list(changedEvents)
        + "},\"indexed_at\":\"" + indexedAt + "\"}";
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
}
