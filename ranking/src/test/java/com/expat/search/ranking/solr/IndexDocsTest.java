package com.expat.search.ranking.solr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.expat.search.ranking.signals.EventSignals;
import com.expat.search.ranking.signals.LanguageLevel;
import com.expat.search.ranking.signals.LatLon;
import com.expat.search.ranking.signals.MemberSignals;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IndexDocsTest {

  @Test
  void memberDocumentAsSolrJReturnsItBecomesSignals() {
    Map<String, Object> doc = new HashMap<>();
    doc.put("id", "42");
    doc.put("location", "48.137,11.575");
    doc.put("city_id", 2867714L);
    doc.put("city_name", "Munich");
    doc.put("origin_country", "ES");
    doc.put("language_levels", List.of("es:native", "de:basic", "xx", "en:weird"));
    doc.put("interests", List.of("hiking", "jazz"));
    doc.put("last_active_at", Date.from(Instant.parse("2026-11-20T10:00:00Z")));
    doc.put("created_at", Date.from(Instant.parse("2025-01-01T00:00:00Z")));
    doc.put("profile_quality", 0.7f);

    MemberSignals member = IndexDocs.member(doc);

    assertThat(member.id()).isEqualTo(42);
    assertThat(member.location()).isEqualTo(new LatLon(48.137, 11.575));
    assertThat(member.cityId()).isEqualTo(2867714);
    assertThat(member.languages()).containsExactlyInAnyOrderEntriesOf(
        Map.of("es", LanguageLevel.NATIVE, "de", LanguageLevel.BASIC));
    assertThat(member.interests()).containsExactlyInAnyOrder("hiking", "jazz");
    assertThat(member.lastActiveAt()).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
    assertThat(member.profileQuality()).isCloseTo(0.7, within(1e-6));
  }

  @Test
  void missingMemberFieldsBecomeUnknowns() {
    MemberSignals member = IndexDocs.member(Map.of("id", "7"));
    assertThat(member.location()).isNull();
    assertThat(member.lastActiveAt()).isNull();
    assertThat(member.languages()).isEmpty();
    assertThat(member.profileQuality()).isZero();
  }

  @Test
  void eventDocumentBecomesSignalsWithNoCapacityMeaningNoLimit() {
    Map<String, Object> doc = new HashMap<>();
    doc.put("id", "9");
    doc.put("starts_at", Date.from(Instant.parse("2026-12-01T18:00:00Z")));
    doc.put("ends_at", Date.from(Instant.parse("2026-12-01T21:00:00Z")));
    doc.put("location", "not a point");
    doc.put("language", "de");
    doc.put("attendee_count", 12);
    doc.put("going_ids", List.of(5L, 6L));

    EventSignals event = IndexDocs.event(doc);

    assertThat(event.capacity()).isNull();
    assertThat(event.location()).isNull();
    assertThat(event.goingIds()).containsExactlyInAnyOrder(5L, 6L);
    assertThat(event.attendeeCount()).isEqualTo(12);
  }

  @Test
  void documentWithoutIdIsRejected() {
    assertThatThrownBy(() -> IndexDocs.member(Map.of())).hasMessageContaining("id");
  }
}
