package com.expat.search.indexer.mapping;

import static com.expat.search.vocabulary.EventFields.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.indexer.world.Event;
import com.expat.search.indexer.world.EventDetails;
import java.time.Instant;
import java.util.List;
import org.apache.solr.common.SolrInputDocument;
import org.junit.jupiter.api.Test;

class EventDocumentsTest {

  static Event event(Event.Status status, Double lat, Double lon, Integer capacity) {
    Instant t = Instant.parse("2026-12-01T18:00:00Z");
    return new Event(
        9, "Stammtisch", null, MemberDocumentsTest.MUNICH.id(), "Augustiner", lat, lon, t,
        t.plusSeconds(7200), "DE", 42, capacity, status, t, t, 3);
  }

  @Test
  void onlyPublishedEventsAreIndexed() {
    for (Event.Status status : List.of(Event.Status.DRAFT, Event.Status.CANCELLED)) {
      IndexChange change =
          EventDocuments.change(
              new EventDetails(event(status, null, null, null), List.of(), List.of(), List.of()),
              MemberDocumentsTest.CATALOG);
      assertThat(change).isEqualTo(new IndexChange.Delete("9", 3));
    }
  }

  @Test
  void venueCoordinatesWinOverTheCityAndNullMeansTheCity() {
    SolrInputDocument atVenue =
        EventDocuments.document(
            new EventDetails(event(Event.Status.PUBLISHED, 48.1, 11.6, null), List.of(), List.of(), List.of()),
            MemberDocumentsTest.CATALOG);
    SolrInputDocument inCity =
        EventDocuments.document(
            new EventDetails(event(Event.Status.PUBLISHED, null, 11.6, null), List.of(), List.of(), List.of()),
            MemberDocumentsTest.CATALOG);

    assertThat(atVenue.getFieldValue(LOCATION)).isEqualTo("48.1,11.6");
    assertThat(inCity.getFieldValue(LOCATION)).isEqualTo("48.13743,11.57549");
  }

  @Test
  void attendeeCountCountsDistinctGoingRsvpsAndNullCapacityIsAbsent() {
    SolrInputDocument doc =
        EventDocuments.document(
            new EventDetails(
                event(Event.Status.PUBLISHED, null, null, null),
                List.of(1, 77),
                List.of(1L, 2L, 2L),
                List.of(3L)),
            MemberDocumentsTest.CATALOG);

    assertThat(doc.getFieldValue(ATTENDEE_COUNT)).isEqualTo(2);
    assertThat(doc.getFieldValue(INTERESTED_COUNT)).isEqualTo(1);
    assertThat(doc.getFieldValues(GOING_IDS)).containsExactly(1L, 2L);
    assertThat(doc.containsKey(CAPACITY)).isFalse();
    assertThat(doc.getFieldValues(INTERESTS)).containsExactly("hiking");
    assertThat(doc.getFieldValue(LANGUAGE)).isEqualTo("de");
  }
}
