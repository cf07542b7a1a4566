package com.expat.search.query.invalidation;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.vocabulary.InvalidationNotice;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NoticeReaderTest {
  private final ObjectMapper mapper = new ObjectMapper();

  private Optional<InvalidationNotice> read(String json) {
    return NoticeReader.parse(mapper, json.getBytes(UTF_8));
  }

  @Test
  void readsBackWhatTheIndexerWrites() {
    InvalidationNotice sent = new InvalidationNotice(List.of(12L, 40L), List.of(7L), List.of(9L), List.of(3L),
        Instant.parse("2026-11-27T10:15:30.623Z"));
    assertThat(read(sent.toJson())).contains(sent);
  }

  @Test
  void theFlatFormCountsAsChanged() {
    InvalidationNotice notice = read("{\"members\":[1,\"2\"],\"events\":[3]}").orElseThrow();
    assertThat(notice.changedMembers()).containsExactly(1L, 2L);
    assertThat(notice.changedEvents()).containsExactly(3L);
    assertThat(notice.removedMembers()).isEmpty();
    assertThat(notice.indexedAt()).isEqualTo(Instant.EPOCH);
  }

  @Test
  void idsThatAreNotNumbersAreSkippedAndTheRestKept() {
    InvalidationNotice notice = read("{\"members\":{\"removed\":[\"x\",5,null],\"changed\":[6]},"
        + "\"indexed_at\":\"yesterday\"}").orElseThrow();
    assertThat(notice.removedMembers()).containsExactly(5L);
    assertThat(notice.changedMembers()).containsExactly(6L);
    assertThat(notice.events()).isEmpty();
    assertThat(notice.indexedAt()).isEqualTo(Instant.EPOCH);
  }

  @Test
  void entriesThatAreNotIdsAreCountedNotDroppedSilently() {
    int[] bad = new int[1];
    InvalidationNotice notice = NoticeReader.parse(mapper, ("{\"members\":{\"removed\":[\"x\",5,null,-3,0],"
        + "\"changed\":[6,2.5,{\"id\":7}]},\"events\":[true,\"8\"]}").getBytes(UTF_8), n -> bad[0] += n).orElseThrow();
    assertThat(notice.members()).containsExactly(5L, 6L);
    assertThat(notice.events()).containsExactly(8L);
    assertThat(bad[0]).isEqualTo(7); // "x", null, -3, 0, 2.5, {"id":7}, true

    int[] none = new int[1];
    NoticeReader.parse(mapper, "{\"members\":[1,\"2\"]}".getBytes(UTF_8), n -> none[0] += n);
    assertThat(none[0]).isZero();
  }

  @Test
  void whatIsNotAJsonObjectIsNoNotice() {
    assertThat(read("[1,2]")).isEmpty();
    assertThat(read("not json")).isEmpty();
    assertThat(read("")).isEmpty();
  }

  @Test
  void readsTheAnnouncementAndTheVisibleNoticeOfABatch() {
    InvalidationNotice announced = InvalidationNotice.pending("b-1", List.of(1L, 2L), List.of(3L),
        Instant.parse("2026-11-27T10:15:30Z"));
    assertThat(read(announced.toJson())).contains(announced);
    assertThat(read(announced.toJson()).orElseThrow().isPending()).isTrue();
    InvalidationNotice visible = new InvalidationNotice(List.of(4L), List.of(), List.of(), List.of(),
        Instant.parse("2026-11-27T10:15:31Z")).of("b-1");
    assertThat(read(visible.toJson())).contains(visible);
  }

  @Test
  void aNoticeWithoutPhaseIsWhatBecameVisibleAndAnAnnouncementWithoutBatchIsNone() {
    assertThat(read("{\"members\":[5],\"events\":[]}").orElseThrow().isPending()).isFalse();
    assertThat(read("{\"members\":[5],\"phase\":\"pending\"}")).isEmpty();
  }
}
