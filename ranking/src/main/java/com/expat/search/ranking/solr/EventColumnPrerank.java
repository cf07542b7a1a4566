package com.expat.search.ranking.solr;

import com.expat.search.ranking.EventFeature;
import com.expat.search.ranking.EventParameters;
import com.expat.search.ranking.features.DistanceDecay;
import com.expat.search.ranking.features.EventLanguage;
import com.expat.search.ranking.features.HalfLifeDecay;
import com.expat.search.ranking.features.InterestOverlap;
import com.expat.search.ranking.features.RoomLeft;
import com.expat.search.ranking.features.Saturation;
import com.expat.search.ranking.features.StartTime;
import com.expat.search.ranking.signals.LatLon;
import java.util.Map;

/**
 * The events' pre-rank over plain values, for a search engine that holds the index as columns:
 * the weighted sum of the features it can read per event ({@link EventFeature#solrComputable()}:
 * starts soon, distance, interests, language, popularity, room left), each computed by the model's
 * own feature functions. It leaves {@code text} and {@code contacts_attending} to the whole model,
 * which ranks the best of the pre-ranked candidates.
 * Prepared once per request; immutable and thread-safe.
 */
public final class EventColumnPrerank {
  private final EventRankParams params;
  private final EventParameters events;
  private final Map<String, Double> interestShares;
  private final double startRate;
  private final long nowMs;
  private final double startsSoonWeight;
  private final double distanceWeight;
  private final double interestsWeight;
  private final double languageWeight;
  private final double popularityWeight;
  private final double roomLeftWeight;

  private EventColumnPrerank(EventRankParams params) {
    this.params = params;
    this.events = params.profile().events();
    this.interestShares = InterestOverlap.weights(params.viewer().interests(), params.corpus());
    this.startRate = HalfLifeDecay.rate(events.startHalfLife());
    this.nowMs = params.now().toEpochMilli();
    this.startsSoonWeight = events.weight(EventFeature.STARTS_SOON);
    this.distanceWeight = events.weight(EventFeature.DISTANCE);
    this.interestsWeight = events.weight(EventFeature.INTERESTS);
    this.languageWeight = events.weight(EventFeature.LANGUAGE);
    this.popularityWeight = events.weight(EventFeature.POPULARITY);
    this.roomLeftWeight = events.weight(EventFeature.ROOM_LEFT);
  }

  public static EventColumnPrerank of(EventRankParams params) {
    return new EventColumnPrerank(params);
  }

  /** The weighted soonness of an event starting at {@code epochMs}. */
  public double startsSoon(long epochMs) {
    return startsSoonWeight * StartTime.value(epochMs, nowMs, startRate);
  }

  /** Whether {@link #distance} can be other than 0, so the location need not be read otherwise. */
  public boolean readsDistance() {
    return params.viewer().origin() != null && distanceWeight > 0;
  }

  /** The weighted closeness of an event at this point (0 when the viewer has no place). */
  public double distance(double latitude, double longitude) {
    LatLon origin = params.viewer().origin();
    if (origin == null || distanceWeight == 0) {
      return 0;
    }
    return distanceWeight * DistanceDecay.value(origin.distanceKm(new LatLon(latitude, longitude)),
        events.distanceScaleKm());
  }

  /** The weighted contribution of an event having {@code slug}: summed over its interests. */
  public double interest(String slug) {
    Double share = interestShares.get(slug);
    return share == null ? 0 : interestsWeight * share;
  }

  /** The weighted language fit of an event in {@code code} (null: unknown). */
  public double language(String code) {
    return languageWeight * EventLanguage.value(params.viewer().languages(), code, params.profile().languageLevels());
  }

  /** The weighted popularity and room left of an event with {@code going} members going. */
  public double attendance(int going, Integer capacity) {
    return popularityWeight * Saturation.value(going, events.popularityHalf())
        + roomLeftWeight * RoomLeft.value(capacity, going, events.comfortableSeats());
  }
}
