package com.expat.search.indexer.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Checks a message against the contract (section 2): a JSON object of at most 64 kB with a known
 * {@code entity} matching the routing key and a positive integer {@code id}. Pure and thread-safe.
 */
final class MessageParser {
  /** Bodies over 64 kB are poison: a change notice is under 200 bytes. */
  static final int MAX_BODY_BYTES = 64 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();

  private MessageParser() {}

  static ParsedMessage parse(String routingKey, byte[] body) {
    if (body == null || body.length == 0) {
      return new ParsedMessage.Poison("empty body");
    }
    if (body.length > MAX_BODY_BYTES) {
      return new ParsedMessage.Poison(
          "body of " + body.length + " bytes is over the " + MAX_BODY_BYTES + "-byte limit");
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      return new ParsedMessage.Poison("body is not JSON: not valid UTF-8");
    }
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (Exception e) {
      return new ParsedMessage.Poison("body is not JSON: " + firstLine(e.getMessage()));
    }
    if (root == null || !root.isObject()) {
      return new ParsedMessage.Poison("body is not a JSON object");
    }
    JsonNode entityNode = root.get("entity");
    if (entityNode == null || !entityNode.isTextual()) {
      return new ParsedMessage.Poison("unknown entity: " + describe(entityNode));
    }
    Entity entity = Entity.fromWire(entityNode.asText()).orElse(null);
    if (entity == null) {
      return new ParsedMessage.Poison("unknown entity: " + describe(entityNode));
    }
    JsonNode idNode = root.get("id");
    if (idNode == null || !idNode.isIntegralNumber() || !idNode.canConvertToLong() || idNode.asLong() <= 0) {
      return new ParsedMessage.Poison("id is not a positive integer: " + describe(idNode));
    }
    String prefix = routingKey == null ? "" : routingKey.split("\\.", 2)[0];
    if (!prefix.equals(entity.wire())) {
      return new ParsedMessage.Poison(
          "routing key '" + routingKey + "' does not match entity '" + entity.wire() + "'");
    }
    JsonNode versionNode = root.get("version");
    long version = 0;
    if (versionNode != null && !versionNode.isNull()) {
      if (!versionNode.isIntegralNumber() || !versionNode.canConvertToLong() || versionNode.asLong() < 0) {
        return new ParsedMessage.Poison("version is not a non-negative integer: " + describe(versionNode));
      }
      version = versionNode.asLong();
    }
    return new ParsedMessage.Change(entity, idNode.asLong(), version, instant(root.get("occurred_at")));
  }

  private static Instant instant(JsonNode node) {
    if (node == null || !node.isTextual()) {
      return null;
    }
    try {
      return Instant.parse(node.asText());
    } catch (DateTimeParseException e) {
      return null; // only used for the freshness metric; the change itself is still good
    }
  }

  private static String describe(JsonNode node) {
    if (node == null) {
      return "missing";
    }
    String text = node.toString();
    return text.length() > 80 ? text.substring(0, 80) + "..." : text;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    String line = newline < 0 ? message : message.substring(0, newline);
    return line.length() > 200 ? line.substring(0, 200) : line;
  }
}
