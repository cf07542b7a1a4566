package com.expat.search.ranking;

import static com.expat.search.ranking.EventFeature.*;

import com.expat.search.ranking.features.DistanceDecay;
import com.expat.search.ranking.features.EventLanguage;
import com.expat.search.ranking.features.InterestOverlap;
import com.expat.search.ranking.features.RoomLeft;
import com.expat.search.ranking.features.Saturation;
import com.expat.search.ranking.features.StartTime;
import com.expat.search.ranking.signals.Candidate;
import com.expat.search.ranking.signals.Corpus;
import com.expat.search.ranking.signals.EventSignals;
import com.expat.search.ranking.signals.Viewer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@link EventRanker}: a weighted sum of the {@link EventFeature}s. */
final class LinearEventRanker implements EventRanker {
  private static final EventFeature[] FEATURES = EventFeature.values();

  @Override
  public List<Ranked<EventSignals>> rank(
      Viewer viewer, List<Candidate<EventSignals>> candidates, RankingProfile profile, Corpus corpus, Instant now) {
    EventParameters parameters = profile.events();
    double[] weights = new double[FEATURES.length];
    for (EventFeature feature : FEATURES) {
      weights[feature.ordinal()] = parameters.weight(feature);
    }
    Map<String, Double> viewerInterests = InterestOverlap.weights(viewer.interests(), corpus);
    Scoring<EventSignals> scoring =
        new Scoring<>(FEATURES, weights, new EventReasons(viewer, profile, corpus, now));

    List<Ranked<EventSignals>> result = new ArrayList<>(candidates.size());
    for (Candidate<EventSignals> candidate : candidates) {
      EventSignals event = candidate.signals();
      if (!event.over().isAfter(now)) {
        continue;
      }
      double[] values = new double[FEATURES.length];
      values[TEXT.ordinal()] = candidate.textRelevance();
      values[STARTS_SOON.ordinal()] = StartTime.value(event.startsAt(), now, parameters.startHalfLife());
      values[DISTANCE.ordinal()] =
          DistanceDecay.value(viewer.origin(), event.location(), parameters.distanceScaleKm());
      values[INTERESTS.ordinal()] = InterestOverlap.share(viewerInterests, event.interests());
      values[LANGUAGE.ordinal()] =
          EventLanguage.value(viewer.languages(), event.language(), profile.languageLevels());
      values[CONTACTS_ATTENDING.ordinal()] =
          Saturation.value(contactsGoing(viewer.contactIds(), event.goingIds()), parameters.contactsHalf());
      values[POPULARITY.ordinal()] = Saturation.value(event.attendeeCount(), parameters.popularityHalf());
      values[ROOM_LEFT.ordinal()] =
          RoomLeft.value(event.capacity(), event.attendeeCount(), parameters.comfortableSeats());
      result.add(new Ranked<>(event, values, scoring));
    }
    result.sort(LinearMatchRanker.BEST_FIRST);
    return result;
  }

  static int contactsGoing(Set<Long> contacts, Set<Long> going) {
    Set<Long> small = contacts.size() <= going.size() ? contacts : going;
    Set<Long> large = small == contacts ? going : contacts;
    int count = 0;
    for (Long id : small) {
      if (large.contains(id)) {
        count++;
      }
    }
    return count;
  }
}
