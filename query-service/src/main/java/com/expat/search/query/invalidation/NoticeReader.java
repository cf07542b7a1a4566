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
import java.util.function.IntConsumer;

/**
 * Reads the indexer's notice ({@link InvalidationNotice#toJson()}: {@code {"members":{"removed":[..],
 * "changed":[..]},"events":{...},"indexed_at":".."}}), and the flat form {@code {"members":[..],
 * "events":[..]}} whose ids count as changed. Entries that are not ids (not a positive whole
 * number, or a string of one) are skipped and counted; a missing or unreadable {@code indexed_at}
 * reads as the epoch. {@code batch} and {@code phase} say which batch and whether it announces
 * rows about to be written ({@code pending}) or what became visible (also when {@code phase} is
 * missing); an announcement without a batch is no notice. Stateless.
 */
final class NoticeReader {
  private NoticeReader() {}

  /** The notice in {@code body}; empty when it is not one (logged and dropped by the caller). */
  static Optional<InvalidationNotice> parse(ObjectMapper mapper, byte[] body) {
    return parse(mapper, body, badIds -> {});
  }

  /**
   * As {@link #parse(ObjectMapper, byte[])}, telling {@code badIds} how many entries of the
   * notice's id lists were not ids (not a positive whole number, as a number or a string), when
   * there were any: they are skipped, and counted so that a broken producer is seen.
   */
  static Optional<InvalidationNotice> parse(ObjectMapper mapper, byte[] body, IntConsumer badIds) {
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
      int[] bad = new int[1];
      InvalidationNotice notice = new InvalidationNotice(ids(members, true, bad), ids(members, false, bad),
          ids(events, true, bad), ids(events, false, bad), indexedAt(root), batchId, phase);
      if (bad[0] > 0) {
        badIds.accept(bad[0]);
      }
      return Optional.of(notice);
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The removed ids of a group, or every other id ({@code changed}, any other key, the flat form). */
  private static List<Long> ids(JsonNode group, boolean removed, int[] bad) {
    List<Long> ids = new ArrayList<>();
    if (group.isArray()) {
      if (!removed) {
        group.forEach(id -> add(ids, id, bad));
      }
    } else if (group.isObject()) {
      for (var entry : group.properties()) {
        if (entry.getKey().equals(REMOVED) == removed && entry.getValue().isArray()) {
          entry.getValue().forEach(id -> add(ids, id, bad));
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

  /** Adds {@code id} when it is one (a positive whole number, or a string of one); else counts it in {@code bad}. */
  private static void add(List<Long> ids, JsonNode id, int[] bad) {
    long value = 0;
    if (id.isIntegralNumber() && id.canConvertToLong()) {
      value = id.asLong();
    } else if (id.isTextual()) {
      try {
        value = Long.parseLong(id.asText().strip());
      } catch (NumberFormatException e) {
        value = 0;
      }
    }
    if (value > 0) {
      ids.add(value);
    } else {
      bad[0]++;
    }
  }
}
