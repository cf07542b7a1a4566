package com.expat.search.query.invalidation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One notice: the members and events whose documents a batch changed or removed. Reads the
 * indexer's form {@code {"members":{"removed":[..],"changed":[..]},"events":{...},
 * "indexed_at":".."}} and the flat form {@code {"members":[..],"events":[..]}}.
 */
public record InvalidationNotice(List<Long> members, List<Long> events) {
  public InvalidationNotice {
    members = List.copyOf(members);
    events = List.copyOf(events);
  }

  /** The notice in {@code body}; empty when it is not one (logged and dropped by the caller). */
  public static Optional<InvalidationNotice> parse(ObjectMapper mapper, byte[] body) {
    try {
      JsonNode root = mapper.readTree(body);
      if (root == null || !root.isObject()) {
        return Optional.empty();
      }
      return Optional.of(new InvalidationNotice(ids(root.path("members")), ids(root.path("events"))));
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static List<Long> ids(JsonNode node) {
    List<Long> ids = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(id -> add(ids, id));
    } else if (node.isObject()) {
      node.forEach(group -> {
        if (group.isArray()) {
          group.forEach(id -> add(ids, id));
        }
      });
    }
    return ids;
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
