package com.expat.search.solr.rank;

import com.expat.search.ranking.solr.EventColumnPrerank;

/**
 * {@link EventColumnPrerank} bound to one segment's {@link EventColumns}: each interest and
 * language term weighed once per segment, then an event's pre-rank is array reads and a few
 * exponentials. The closeness of the last point is remembered (events of a venue or a city share
 * it). Not thread-safe: one per segment and request.
 */
final class EventSegmentPrerank {
  private final EventColumnPrerank model;
  private final EventColumns columns;
  private final double[] interestWeight;
  private final double[] languageWeight;
  private final double noLanguage;
  private final boolean readsDistance;
  private double lastLatitude = Double.NaN;
  private double lastLongitude = Double.NaN;
  private double lastDistance;

  EventSegmentPrerank(EventColumnPrerank model, EventColumns columns) {
    this.model = model;
    this.columns = columns;
    this.readsDistance = model.readsDistance();
    interestWeight = new double[columns.interests.length];
    for (int ord = 0; ord < interestWeight.length; ord++) {
      interestWeight[ord] = model.interest(columns.interests[ord]);
    }
    languageWeight = new double[columns.languages.length];
    for (int ord = 0; ord < languageWeight.length; ord++) {
      languageWeight[ord] = model.language(columns.languages[ord]);
    }
    noLanguage = model.language(null);
  }

  /** The pre-rank of segment document {@code doc}. */
  double score(int doc) {
    double score = model.startsSoon(columns.startsAt[doc]);
    if (readsDistance && !Double.isNaN(columns.latitude[doc])) {
      double latitude = columns.latitude[doc];
      double longitude = columns.longitude[doc];
      if (latitude != lastLatitude || longitude != lastLongitude) {
        lastLatitude = latitude;
        lastLongitude = longitude;
        lastDistance = model.distance(latitude, longitude);
      }
      score += lastDistance;
    }
    for (int i = columns.interestStart[doc], end = columns.interestStart[doc + 1]; i < end; i++) {
      score += interestWeight[columns.interestOrds[i]];
    }
    int language = columns.language[doc];
    score += language < 0 ? noLanguage : languageWeight[language];
    int capacity = columns.capacity[doc];
    score += model.attendance(columns.attendeeCount[doc], capacity == EventColumns.UNLIMITED ? null : capacity);
    return score;
  }
}
