package com.expat.search.ranking;

import static com.expat.search.ranking.World.CORPUS;
import static com.expat.search.ranking.World.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.expat.search.ranking.World.EventBuilder;
import com.expat.search.ranking.signals.Candidate;
import com.expat.search.ranking.signals.EventSignals;
import com.expat.search.ranking.signals.LanguageLevel;
import com.expat.search.ranking.signals.Viewer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Properties of the event ranking over generated viewers and events, all else equal. */
class EventRankerTest {
  private static final int CASES = 400;
  private final EventRanker ranker = Rankers.events();

  @Test
  void explanationSumsToTheScoreForEveryProfile() {
    RandomGenerator random = new SplittableRandom(51);
    for (String name : World.profiles().names()) {
      for (int i = 0; i < 50; i++) {
        Viewer viewer = World.randomViewer(random);
        List<Candidate<EventSignals>> candidates = new ArrayList<>();
        for (int c = 0; c < 20; c++) {
          candidates.add(new Candidate<>(World.randomEvent(10 + c, random).build(), random.nextDouble()));
        }
        for (Ranked<EventSignals> ranked : ranker.rank(viewer, candidates, World.profiles().profile(name), CORPUS, NOW)) {
          Explanation explanation = ranked.explanation();
          assertThat(explanation.contributions().stream().mapToDouble(Contribution::contribution).sum())
              .isCloseTo(ranked.score(), within(1e-9));
          assertThat(explanation.contributions()).allSatisfy(c -> assertThat(c.value()).isBetween(0.0, 1.0));
        }
      }
    }
  }

  @Test
  void soonerFutureEventNeverScoresLower() {
    property(52, (viewer, event, random) -> {
      EventSignals later = event.build();
      long aheadMs = Duration.between(NOW, later.startsAt()).toMillis();
      EventSignals sooner = event.startsIn(Duration.ofMillis(Math.max(1, (long) (aheadMs * random.nextDouble())))).build();
      assertNotLower(viewer, sooner, later);
    });
  }

  @Test
  void closerEventNeverScoresLower() {
    property(53, (viewer, event, random) -> {
      EventSignals far = event.build();
      double km = viewer.origin().distanceKm(far.location()) * random.nextDouble();
      assertNotLower(viewer, event.at(World.north(viewer.origin(), km)).build(), far);
    });
  }

  @Test
  void moreRoomNeverScoresLower() {
    property(54, (viewer, event, random) -> {
      EventSignals before = event.build();
      Integer capacity = before.capacity();
      EventSignals roomier = event.capacity(capacity == null ? null : capacity + 1 + random.nextInt(10)).build();
      assertNotLower(viewer, roomier, before);
      assertNotLower(viewer, event.capacity(null).build(), before);
    });
  }

  @Test
  void moreContactsGoingNeverScoresLower() {
    property(55, (viewer, event, random) -> {
      if (viewer.contactIds().isEmpty()) {
        return;
      }
      EventSignals before = event.build();
      List<Long> contacts = new ArrayList<>(viewer.contactIds());
      assertNotLower(viewer, event.attendedBy(contacts.get(random.nextInt(contacts.size()))).build(), before);
    });
  }

  @Test
  void morePopularEventWithoutLimitNeverScoresLower() {
    property(56, (viewer, event, random) -> {
      EventSignals before = event.capacity(null).build();
      assertNotLower(viewer, event.going(before.attendeeCount() + 1 + random.nextInt(20)).build(), before);
    });
  }

  @Test
  void oneMoreOfTheViewersInterestsNeverScoresLower() {
    property(57, (viewer, event, random) -> {
      if (viewer.interests().isEmpty()) {
        return;
      }
      EventSignals before = event.build();
      List<String> mine = new ArrayList<>(viewer.interests());
      assertNotLower(viewer, event.about(mine.get(random.nextInt(mine.size()))).build(), before);
    });
  }

  @Test
  void eventInTheViewersStrongerLanguageScoresHigher() {
    Viewer viewer = Viewer.of(World.member(1).speaksOnly("de", LanguageLevel.NATIVE)
        .speaks("en", LanguageLevel.BASIC).build(), null);
    EventSignals german = World.event(2).language("de").build();
    EventSignals english = World.event(3).language("en").build();
    EventSignals japanese = World.event(4).language("ja").build();
    List<Ranked<EventSignals>> ranked = ranker.rank(viewer,
        List.of(Candidate.of(japanese), Candidate.of(english), Candidate.of(german)), World.defaultProfile(), CORPUS, NOW);
    assertThat(ranked).extracting(r -> r.item().id()).containsExactly(2L, 3L, 4L);
    assertThat(ranked.get(0).explanation().reasons()).contains(new Reason("language", List.of("de", "native")));
  }

  @Test
  void endedEventsAreLeftOutAndStartedOnesGetNoSoonness() {
    Viewer viewer = Viewer.anonymous(World.MUNICH);
    EventSignals ended = World.event(2).startsIn(Duration.ofHours(-5)).lasting(Duration.ofHours(2)).build();
    EventSignals running = World.event(3).startsIn(Duration.ofHours(-1)).lasting(Duration.ofHours(3)).build();
    List<Ranked<EventSignals>> ranked = ranker.rank(viewer,
        List.of(Candidate.of(ended), Candidate.of(running)), World.defaultProfile(), CORPUS, NOW);
    assertThat(ranked).extracting(r -> r.item().id()).containsExactly(3L);
    assertThat(ranked.get(0).value(EventFeature.STARTS_SOON)).isZero();
  }

  @Test
  void reasonsSayWhyAnEventFits() {
    Viewer viewer = new Viewer(1, World.MUNICH, "ES", Map.of("en", LanguageLevel.FLUENT),
        Set.of("jazz", "hiking"), Set.of(7L, 8L));
    EventSignals event = World.event(2).at(World.SCHWABING).startsIn(Duration.ofHours(30)).about("jazz")
        .attendedBy(7L, 8L, 9L).going(18).capacity(20).build();
    Explanation explanation = ranker.rank(viewer, List.of(Candidate.of(event)), World.defaultProfile(), CORPUS, NOW)
        .get(0).explanation();
    assertThat(explanation.reasons()).contains(Reason.of("starts_in_days", 1), Reason.of("distance", 2),
        Reason.of("your_interests", 1, "jazz"), Reason.of("contacts_going", 2), Reason.of("going", 18),
        Reason.of("places_left", 2), Reason.of("language", "en", "fluent"));
  }

  private interface Property {
    void check(Viewer viewer, EventBuilder event, RandomGenerator random);
  }

  private static void property(long seed, Property property) {
    RandomGenerator random = new SplittableRandom(seed);
    for (int i = 0; i < CASES; i++) {
      property.check(World.randomViewer(random), World.randomEvent(2, random), random);
    }
  }

  private void assertNotLower(Viewer viewer, EventSignals better, EventSignals worse) {
    for (String name : World.profiles().names()) {
      RankingProfile profile = World.profiles().profile(name);
      double betterScore = ranker.rank(viewer, List.of(Candidate.of(better)), profile, CORPUS, NOW).get(0).score();
      double worseScore = ranker.rank(viewer, List.of(Candidate.of(worse)), profile, CORPUS, NOW).get(0).score();
      assertThat(betterScore).as("%s: %s vs %s", name, better, worse).isGreaterThanOrEqualTo(worseScore - 1e-12);
    }
  }
}
