package com.expat.search.ranking;

import com.expat.search.ranking.features.InterestOverlap;
import com.expat.search.ranking.signals.Corpus;
import com.expat.search.ranking.signals.EventSignals;
import com.expat.search.ranking.signals.LanguageLevel;
import com.expat.search.ranking.signals.Viewer;
import java.time.Duration;
import java.time.Instant;

/** Reasons an event ranks where it does, for a viewer. */
final class EventReasons implements Scoring.Reasons<EventSignals> {
  private final Viewer viewer;
  private final RankingProfile profile;
  private final Corpus corpus;
  private final Instant now;

  EventReasons(Viewer viewer, RankingProfile profile, Corpus corpus, Instant now) {
    this.viewer = viewer;
    this.profile = profile;
    this.corpus = corpus;
    this.now = now;
  }

  @Override
  public Reason reason(RankingFeature feature, EventSignals event, double value) {
    return switch ((EventFeature) feature) {
      case TEXT -> Reason.of("text");
      case STARTS_SOON -> startsIn(Duration.between(now, event.startsAt()));
      case DISTANCE -> Wording.distance(viewer.origin().distanceKm(event.location()));
      case INTERESTS -> Wording.interests("your_interests",
          InterestOverlap.shared(viewer.interests(), event.interests(), corpus));
      case LANGUAGE -> {
        LanguageLevel level = viewer.languages().get(event.language());
        yield Reason.of("language", event.language(), level.label());
      }
      case CONTACTS_ATTENDING -> Reason.of("contacts_going",
          LinearEventRanker.contactsGoing(viewer.contactIds(), event.goingIds()));
      case POPULARITY -> Reason.of("going", event.attendeeCount());
      case ROOM_LEFT -> roomLeft(event);
    };
  }

  private static Reason startsIn(Duration ahead) {
    long hours = ahead.toHours();
    if (hours < 1) {
      return Reason.of("starts_within_hour");
    }
    if (hours < 24) {
      return Reason.of("starts_in_hours", hours);
    }
    return Reason.of("starts_in_days", ahead.toDays());
  }

  private Reason roomLeft(EventSignals event) {
    if (event.capacity() == null) {
      return null;
    }
    int free = Math.max(event.capacity() - event.attendeeCount(), 0);
    return free < profile.events().comfortableSeats()
        ? Reason.of("places_left", free)
        : null;
  }
}
