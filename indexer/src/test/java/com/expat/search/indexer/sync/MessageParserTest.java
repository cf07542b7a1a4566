package com.expat.search.indexer.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MessageParserTest {

  private static ParsedMessage parse(String routingKey, String body) {
    return MessageParser.parse(routingKey, body.getBytes(StandardCharsets.UTF_8));
  }

  private static String reason(ParsedMessage parsed) {
    assertThat(parsed).isInstanceOf(ParsedMessage.Poison.class);
    return ((ParsedMessage.Poison) parsed).reason();
  }

  @Test
  void contractExampleIsAChange() {
    ParsedMessage parsed = parse("member.changed",
        "{\"entity\":\"member\",\"id\":123,\"version\":17,\"occurred_at\":\"2026-11-27T10:15:30.123Z\"}");
    assertThat(parsed).isEqualTo(
        new ParsedMessage.Change(Entity.MEMBER, 123, 17, Instant.parse("2026-11-27T10:15:30.123Z")));
  }

  @Test
  void deletedRoutingKeyAndMissingOptionalFieldsAreStillAChange() {
    assertThat(parse("event.deleted", "{\"entity\":\"event\",\"id\":9}"))
        .isEqualTo(new ParsedMessage.Change(Entity.EVENT, 9, 0, null));
    assertThat(parse("event.changed", "{\"entity\":\"event\",\"id\":9,\"occurred_at\":\"yesterday\"}"))
        .isEqualTo(new ParsedMessage.Change(Entity.EVENT, 9, 0, null));
  }

  @Test
  void bodyThatIsNotJsonIsPoison() {
    assertThat(reason(parse("member.changed", "hello"))).startsWith("body is not JSON");
    assertThat(reason(parse("member.changed", "{\"entity\":"))).startsWith("body is not JSON");
    assertThat(reason(MessageParser.parse("member.changed", new byte[] {(byte) 0xC3, (byte) 0x28})))
        .startsWith("body is not JSON");
    assertThat(reason(parse("member.changed", "[1,2]"))).isEqualTo("body is not a JSON object");
    assertThat(reason(MessageParser.parse("member.changed", new byte[0]))).isEqualTo("empty body");
  }

  @Test
  void unknownOrMissingEntityIsPoison() {
    assertThat(reason(parse("member.changed", "{\"entity\":\"group\",\"id\":1}"))).startsWith("unknown entity");
    assertThat(reason(parse("member.changed", "{\"id\":1}"))).startsWith("unknown entity");
    assertThat(reason(parse("member.changed", "{\"entity\":\"Member\",\"id\":1}"))).startsWith("unknown entity");
  }

  @Test
  void idThatIsNotAPositiveIntegerIsPoison() {
    for (String id : new String[] {"0", "-4", "1.5", "\"12\"", "null", "99999999999999999999", "true"}) {
      assertThat(reason(parse("member.changed", "{\"entity\":\"member\",\"id\":" + id + "}")))
          .as(id).startsWith("id is not a positive integer");
    }
    assertThat(reason(parse("member.changed", "{\"entity\":\"member\"}"))).startsWith("id is not a positive integer");
  }

  @Test
  void bodyOver64kBIsPoisonWithoutBeingParsed() {
    String padding = "x".repeat(MessageParser.MAX_BODY_BYTES);
    String body = "{\"entity\":\"member\",\"id\":1,\"pad\":\"" + padding + "\"}";
    assertThat(reason(parse("member.changed", body))).contains("over the 65536-byte limit");
  }

  @Test
  void routingKeyThatDisagreesWithTheEntityIsPoison() {
    assertThat(reason(parse("event.changed", "{\"entity\":\"member\",\"id\":1}")))
        .isEqualTo("routing key 'event.changed' does not match entity 'member'");
  }

  @Test
  void negativeOrFractionalVersionIsPoison() {
    assertThat(reason(parse("member.changed", "{\"entity\":\"member\",\"id\":1,\"version\":-1}")))
        .startsWith("version is not a non-negative integer");
    assertThat(reason(parse("member.changed", "{\"entity\":\"member\",\"id\":1,\"version\":\"7\"}")))
        .startsWith("version is not a non-negative integer");
  }
}
