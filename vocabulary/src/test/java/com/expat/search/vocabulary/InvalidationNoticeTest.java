package com.expat.search.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvalidationNoticeTest {
  private static final Instant AT = Instant.parse("2026-11-27T10:15:30.623Z");

  @Test
  void theWireFormIsTheOneTheContractAdditionsShow() {
    InvalidationNotice notice = new InvalidationNotice(List.of(12L, 40L), List.of(7L), List.of(), List.of(3L), AT);
    assertThat(notice.toJson()).isEqualTo("{\"members\":{\"removed\":[12,40],\"changed\":[7]},"
        + "\"events\":{\"removed\":[],\"changed\":[3]},\"indexed_at\":\"2026-11-27T10:15:30.623Z\"}");
  }

  @Test
  void membersAndEventsListRemovedThenChanged() {
    InvalidationNotice notice = new InvalidationNotice(List.of(1L), List.of(2L, 3L), List.of(4L), List.of(5L), AT);
    assertThat(notice.members()).containsExactly(1L, 2L, 3L);
    assertThat(notice.events()).containsExactly(4L, 5L);
    assertThat(notice.isEmpty()).isFalse();
    assertThat(new InvalidationNotice(List.of(), List.of(), List.of(), List.of(), AT).isEmpty()).isTrue();
  }

  @Test
  void aNoticeDoesNotChangeWhenTheListsItWasMadeFromDo() {
    List<Long> changed = new ArrayList<>(List.of(1L));
    InvalidationNotice notice = new InvalidationNotice(List.of(), changed, List.of(), List.of(), AT);
    changed.add(2L);
    assertThat(notice.changedMembers()).containsExactly(1L);
  }

  @Test
  void aNoticeNeedsItsTime() {
    assertThatNullPointerException()
        .isThrownBy(() -> new InvalidationNotice(List.of(), List.of(), List.of(), List.of(), null))
        .withMessage("indexedAt");
  }

  @Test
  void aBatchsTwoNoticesNameItAndTheirPhase() {
    InvalidationNotice announced = InvalidationNotice.pending("b-1", List.of(7L), List.of(), Instant.EPOCH);
    assertThat(announced.toJson()).isEqualTo("{\"members\":{\"removed\":[],\"changed\":[7]},"
        + "\"events\":{\"removed\":[],\"changed\":[]},\"indexed_at\":\"1970-01-01T00:00:00Z\","
        + "\"batch\":\"b-1\",\"phase\":\"pending\"}");
    InvalidationNotice visible = new InvalidationNotice(List.of(7L), List.of(), List.of(), List.of(), Instant.EPOCH)
        .of("b-1");
    assertThat(visible.toJson()).endsWith(",\"batch\":\"b-1\",\"phase\":\"visible\"}");
    assertThat(visible.isPending()).isFalse();
    assertThatThrownBy(() -> new InvalidationNotice(List.of(), List.of(), List.of(), List.of(), Instant.EPOCH, null,
        InvalidationNotice.Phase.PENDING)).isInstanceOf(IllegalArgumentException.class);
  }
}
