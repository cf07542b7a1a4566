package com.expat.search.solr.rank;

import com.expat.search.ranking.signals.EventSignals;
import com.expat.search.ranking.signals.LatLon;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * An event's {@link EventSignals} from the {@link EventColumns}, as the ranking model reads them
 * from a document ({@code IndexDocs.event}); the city name, which the event model never reads,
 * is left out. Stateless.
 */
final class EventReader {
  private EventReader() {}

  /** The event at segment doc {@code doc}; null for a document without a start (not an event). */
  static EventSignals signals(EventColumns columns, int doc) {
    if (columns.startsAt[doc] == EventColumns.MISSING) {
      return null;
    }
    LatLon location = Double.isNaN(columns.latitude[doc]) ? null
        : new LatLon(columns.latitude[doc], columns.longitude[doc]);
    Set<String> interests = new HashSet<>();
    for (int i = columns.interestStart[doc]; i < columns.interestStart[doc + 1]; i++) {
      interests.add(columns.interests[columns.interestOrds[i]]);
    }
    Set<Long> going = new HashSet<>();
    for (int i = columns.goingStart[doc]; i < columns.goingStart[doc + 1]; i++) {
      going.add(columns.goingIds[i]);
    }
    return new EventSignals(
        columns.id[doc],
        Instant.ofEpochMilli(columns.startsAt[doc]),
        columns.endsAt[doc] == EventColumns.MISSING ? null : Instant.ofEpochMilli(columns.endsAt[doc]),
        location,
        null,
        columns.language[doc] < 0 ? null : columns.languages[columns.language[doc]],
        interests,
        columns.attendeeCount[doc],
        columns.capacity[doc] == EventColumns.UNLIMITED ? null : columns.capacity[doc],
        going);
  }
}
