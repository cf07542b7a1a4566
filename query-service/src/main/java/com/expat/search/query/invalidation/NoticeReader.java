package com.expat.search.query.invalidation;

import static com.expat.search.vocabulary.InvalidationNotice.BATCH;
import static com.expat.search.vocabulary.InvalidationNotice.EVENTS;
import static com.expat.search.vocabulary.InvalidationNotice.INDEXED_AT;
import static com.expat.search.vocabulary.InvalidationNotice.MEMBERS;
import static com.expat.search.vocabulary.InvalidationNotice.PHASE;
import static com.expat.search.vocabulary.InvalidationNotice.REMOVED;

import com.expat.search.vocabulary.InvalidationNotice;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the indexer's notice ({@link InvalidationNotice#toJson()}: {@code {"members":{"removed":[..],
 * "changed":[..]},"events":{...},"indexed_at":".."}}), and the flat form {@code {"members":[..],
 * "events":[..]}} whose ids count as changed. Ids that are not numbers are skipped; a missing or
 * unreadable {@code indexed_at} reads as the epoch. {@code batch} and {@code phase} say which
 * batch and whether it announces rows about to be written ({@code pending}) or what became
 * visible (also when {@code phase} is missing); an announcement without a batch is no notice.
 * Stateless.
 */
final class NoticeReader {
  private NoticeReader() {}

  /** The notice in {@code body}; empty when it is not one (logged and dropped by the caller). */
  static Optional<InvalidationNotice> parse(ObjectMapper mapper, byte[] body) {
    try {
      JsonNode root = mapper.readTree(body);
      if (root == null || !root.isObject()) {
        return Optional.empty();
      }
      JsonNode members = root.path(MEMBERS);
      JsonNode events = root.path(EVENTS);
      JsonNode batch = root.path(BATCH);
      String batchId = batch.isTextual() && !batch.asText().isBlank() ? batch.asText() : null;
      InvalidationNotice.Phase phase = InvalidationNotice.Phase.PENDING.wire().equals(root.path(PHASE).asText(""))
          ? InvalidationNotice.Phase.PENDING : InvalidationNotice.Phase.VISIBLE;
      if (phase == InvalidationNotice.Phase.PENDING && batchId == null) {
        return Optional.empty();
      }
      return Optional.of(new InvalidationNotice(ids(members, true), ids(members, false), ids(events, true),
          ids(events, false), indexedAt(root), batchId, phase));
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The removed ids of a group, or every other id ({@code changed}, any other key, the flat form). */
  private static List<Long> ids(JsonNode group, boolean removed) {
    List<Long> ids = new ArrayList<>();
    if (group.isArray()) {
      if (!removed) {
        group.forEach(id -> add(ids, id));
      }
    } else if (group.isObject()) {
      for (var entry : group.properties()) {
        if (entry.getKey().equals(REMOVED) == removed && entry.getValue().isArray()) {
          entry.getValue().forEach(id -> add(ids, id));
        }
      }
    }
    return ids;
  }

  private static Instant indexedAt(JsonNode root) {
    try {
      return root.path(INDEXED_AT).isTextual() ? Instant.parse(root.path(INDEXED_AT).asText()) : Instant.EPOCH;
    } catch (DateTimeException e) {
      return Instant.EPOCH;
    }
  }

  private static void add(List<Long> ids, JsonNode id) {
    if (id.canConvertToLong()) {
      ids.add(id.asLong());
    } else if (id.isTextual()) {
      try {
        ids.add(Long.parseLong(id.asText().strip()));
      } catch (NumberFormatException e) {
        // not an id: ignored
      }
    }
  }
}
