package com.expat.search.query.it;

import com.expat.search.indexer.mapping.EventDocuments;
import com.expat.search.indexer.world.Event;
import com.expat.search.indexer.world.EventDetails;
import com.expat.search.testing.solr.SolrCores;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.solr.common.SolrInputDocument;

/**
 * Events beside {@link World}'s members. Berlin: a Grunewald hike in 2 days (German, hiking,
 * Dan going, capacity 20) (1); a chess night in 5 days (English, chess, Çağlar going, no limit)
 * (2); a hike that ended 3 days ago (4); a festival going on now (5); a hike in 60 days (8).
 * Potsdam: a photo walk in 10 days (3). Paris: a French cooking evening in 3 days (7). Munich: a
 * café meeting in 4 days (9). A draft (6) is never indexed, as the indexer does.
 */
final class EventWorld {
  static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  private EventWorld() {}

  static void index(SolrCores solr) throws Exception {
    List<EventDetails> events = List.of(
        event(1, "Hiking in Grunewald", "A long walk through the forest", World.BERLIN, "Grunewald station",
            days(2), "de", 20, Event.Status.PUBLISHED, List.of(1), List.of(7L)),
        event(2, "Chess night", "Blitz and coffee", World.BERLIN, "Café Schach", days(5), "en", null,
            Event.Status.PUBLISHED, List.of(2), List.of(1L)),
        event(3, "Photo walk", "Sanssouci in the morning light", World.POTSDAM, "Sanssouci", days(10), "en", null,
            Event.Status.PUBLISHED, List.of(3), List.of()),
        event(4, "Past hike", "It was lovely", World.BERLIN, null, days(-3), "de", null,
            Event.Status.PUBLISHED, List.of(1), List.of()),
        event(5, "Street festival", "Music all day", World.BERLIN, "Kreuzberg", NOW.minus(Duration.ofHours(1)), "de",
            null, Event.Status.PUBLISHED, List.of(), List.of()),
        event(6, "Secret draft", "Not yet", World.BERLIN, null, days(3), "de", null,
            Event.Status.DRAFT, List.of(1), List.of()),
        event(7, "Soirée cuisine", "On cuisine ensemble", World.PARIS, "Le Marais", days(3), "fr", 12,
            Event.Status.PUBLISHED, List.of(4), List.of(3L)),
        event(8, "Far future hike", "Next season", World.BERLIN, null, days(60), "de", null,
            Event.Status.PUBLISHED, List.of(1), List.of()),
        event(9, "Café meeting", "Stammtisch", World.MUNICH, "Café Luitpold", days(4), "de", null,
            Event.Status.PUBLISHED, List.of(), List.of()));
    List<SolrInputDocument> docs = new ArrayList<>();
    for (EventDetails details : events) {
      if (EventDocuments.isIndexed(details.event())) {
        docs.add(EventDocuments.document(details, World.CATALOG));
      }
    }
    solr.client().add(solr.events(), docs);
    solr.client().commit(solr.events());
  }

  static Instant days(int days) {
    return NOW.plus(Duration.ofDays(days));
  }

  private static EventDetails event(long id, String title, String description, long city, String venue,
      Instant starts, String language, Integer capacity, Event.Status status, List<Integer> interests,
      List<Long> going) {
    Event event = new Event(id, title, description, city, venue, null, null, starts,
        starts.plus(Duration.ofHours(id == 5 ? 6 : 3)), language, 100 + id, capacity, status,
        NOW.minus(Duration.ofDays(30)), NOW, 1);
    return new EventDetails(event, interests, going, List.of());
  }
}
