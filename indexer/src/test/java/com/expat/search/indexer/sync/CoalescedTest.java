package com.expat.search.indexer.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoalescedTest {

  private static Received received(Entity entity, long id, long version, String at) {
    return new Received(new ParsedMessage.Change(entity, id, version, at == null ? null : Instant.parse(at)),
        new ChangeSource.Receipt() {});
  }

  @Test
  void sameRowNamedTwiceIsReadOnceWithTheNewestVersionAndTime() {
    Received first = received(Entity.MEMBER, 7, 3, "2026-01-01T00:00:02Z");
    Received second = received(Entity.MEMBER, 7, 5, "2026-01-01T00:00:01Z");
    Received other = received(Entity.EVENT, 7, 1, null);
    Coalesced coalesced = Coalesced.of(List.of(first, second, other));

    assertThat(coalesced.rows()).isEqualTo(2);
    assertThat(coalesced.ids(Entity.MEMBER)).containsExactly(7L);
    assertThat(coalesced.ids(Entity.EVENT)).containsExactly(7L);
    assertThat(coalesced.changes()).contains(
        new ParsedMessage.Change(Entity.MEMBER, 7, 5, Instant.parse("2026-01-01T00:00:02Z")));
    assertThat(coalesced.receipts(new ParsedMessage.Key(Entity.MEMBER, 7))).containsExactly(first, second);
    assertThat(coalesced.newestOccurredAt()).isEqualTo(Instant.parse("2026-01-01T00:00:02Z"));
  }

  @Test
  void memberAndEventWithTheSameIdAreDifferentRows() {
    Coalesced coalesced = Coalesced.of(List.of(received(Entity.MEMBER, 1, 1, null), received(Entity.EVENT, 1, 1, null)));
    assertThat(coalesced.changes()).hasSize(2);
    assertThat(coalesced.newestOccurredAt()).isNull();
  }
}
