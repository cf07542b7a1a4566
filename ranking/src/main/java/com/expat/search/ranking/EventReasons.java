package com.expat.search.ranking;

import com.expat.search.ranking.features.InterestOverlap;
import com.expat.search.ranking.signals.Corpus;
import com.expat.search.ranking.signals.EventSignals;
import com.expat.search.ranking.signals.LanguageLevel;
import com.expat.search.ranking.signals.Viewer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

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
  public String reason(RankingFeature feature, EventSignals event, double value) {
    return switch ((EventFeature) feature) {
      case TEXT -> "matches your search";
      case STARTS_SOON -> startsIn(Duration.between(now, event.startsAt()));
      case DISTANCE -> Wording.distance(viewer.origin().distanceKm(event.location()));
      case INTERESTS -> {
        List<String> shared = InterestOverlap.shared(viewer.interests(), event.interests(), corpus);
        yield Wording.count(shared.size(), "of your interests", "of your interests") + ": " + Wording.list(shared);
      }
      case LANGUAGE -> {
        LanguageLevel level = viewer.languages().get(event.language());
        yield "in " + Wording.language(event.language()) + ", which you speak (" + level.label() + ")";
      }
      case CONTACTS_ATTENDING -> Wording.count(
          LinearEventRanker.contactsGoing(viewer.contactIds(), event.goingIds()), "contact going", "contacts going");
      case POPULARITY -> event.attendeeCount() + " going";
      case ROOM_LEFT -> roomLeft(event);
    };
  }

  private static String startsIn(Duration ahead) {
    long hours = ahead.toHours();
    if (hours < 1) {
      return "starts within the hour";
    }
    if (hours < 24) {
      return "starts in " + Wording.count((int) hours, "hour", "hours");
    }
    return "starts in " + Wording.count((int) ahead.toDays(), "day", "days");
  }

  private String roomLeft(EventSignals event) {
    if (event.capacity() == null) {
      return null;
    }
    int free = Math.max(event.capacity() - event.attendeeCount(), 0);
    return free < profile.events().comfortableSeats()
        ? "only " + Wording.count(free, "place", "places") + " left"
        : null;
  }
}
