package com.expat.search.indexer.sync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch of received changes grouped by row: the same row named twice is read once. Since a
 * message only says "look again", the newest version and time seen stand for the group.
 */
final class Coalesced {
  private final Map<ParsedMessage.Key, ParsedMessage.Change> changes = new LinkedHashMap<>();
  private final Map<ParsedMessage.Key, List<Received>> receipts = new LinkedHashMap<>();

  static Coalesced of(List<Received> batch) {
    Coalesced coalesced = new Coalesced();
    for (Received received : batch) {
      ParsedMessage.Change change = received.change();
      coalesced.changes.merge(change.key(), change, Coalesced::newer);
      coalesced.receipts.computeIfAbsent(change.key(), k -> new ArrayList<>()).add(received);
    }
    return coalesced;
  }

  private static ParsedMessage.Change newer(ParsedMessage.Change a, ParsedMessage.Change b) {
    Instant occurred =
        a.occurredAt() == null ? b.occurredAt()
            : b.occurredAt() == null ? a.occurredAt()
            : a.occurredAt().isAfter(b.occurredAt()) ? a.occurredAt() : b.occurredAt();
    return new ParsedMessage.Change(a.entity(), a.id(), Math.max(a.version(), b.version()), occurred);
  }

  /** One change per row, in first-seen order. */
  List<ParsedMessage.Change> changes() {
    return List.copyOf(changes.values());
  }

  /** The ids of {@code entity} named in the batch. */
  List<Long> ids(Entity entity) {
    List<Long> ids = new ArrayList<>();
    for (ParsedMessage.Key key : changes.keySet()) {
      if (key.entity() == entity) {
        ids.add(key.id());
      }
    }
    return ids;
  }

  /** The received messages of one row. */
  List<Received> receipts(ParsedMessage.Key key) {
    return receipts.getOrDefault(key, List.of());
  }

  /** The newest {@code occurred_at} in the batch, or null. */
  Instant newestOccurredAt() {
    Instant newest = null;
    for (ParsedMessage.Change change : changes.values()) {
      if (change.occurredAt() != null && (newest == null || change.occurredAt().isAfter(newest))) {
        newest = change.occurredAt();
      }
    }
    return newest;
  }

  int rows() {
    return changes.size();
  }
}
