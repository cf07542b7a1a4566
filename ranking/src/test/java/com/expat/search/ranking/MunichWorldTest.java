package com.expat.search.ranking;

import static com.expat.search.ranking.World.AUGSBURG;
import static com.expat.search.ranking.World.CORPUS;
import static com.expat.search.ranking.World.MUNICH;
import static com.expat.search.ranking.World.NOW;
import static com.expat.search.ranking.World.SCHWABING;
import static com.expat.search.ranking.World.SYDNEY;
import static com.expat.search.ranking.signals.LanguageLevel.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.ranking.signals.Candidate;
import com.expat.search.ranking.signals.MemberSignals;
import com.expat.search.ranking.signals.Viewer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A small hand-built world where the right order is obvious to a person. */
class MunichWorldTest {
  private static final double RADIUS_KM = 100;

  private final MatchRanker ranker = Rankers.matches();
  /** A Munich hiker and climber who speaks German and English. */
  private final Viewer anna = Viewer.of(World.member(1).at(MUNICH).speaksOnly("de", NATIVE).speaks("en", FLUENT)
      .likes("hiking", "climbing").build(), null);

  @Test
  void munichHikerWhoSpeaksEnglishComesBeforeSydneyMemberWhoSpeaksOnlyJapanese() {
    MemberSignals ben = World.member(2).at(SCHWABING).speaksOnly("en", FLUENT).likes("hiking").build();
    MemberSignals kenji = World.member(3).at(SYDNEY).city("Sydney").speaksOnly("ja", NATIVE).likes("hiking").build();

    List<Ranked<MemberSignals>> unfiltered = rank(anna, kenji, ben);
    assertThat(unfiltered).extracting(r -> r.item().id()).containsExactly(2L, 3L);

    List<Ranked<MemberSignals>> matches = rank(anna, hardConstraints(anna, List.of(kenji, ben)));
    assertThat(matches).extracting(r -> r.item().id()).containsExactly(2L);
  }

  @Test
  void amongNeighboursEachAdvantageRanksAboveTheReference() {
    MemberSignals reference = neighbour(10).build();
    MemberSignals kindred = neighbour(11).likes("climbing").build();
    MemberSignals fartherAway = neighbour(12).at(AUGSBURG).city("Augsburg").build();
    MemberSignals dormant = neighbour(13).activeAgo(Duration.ofDays(200)).build();
    MemberSignals nothingInCommon = neighbour(14).likesOnly("golf").build();

    List<Ranked<MemberSignals>> ranked = rank(anna, dormant, nothingInCommon, reference, fartherAway, kindred);

    assertThat(ranked.get(0).item()).isEqualTo(kindred);
    assertThat(ranked.get(1).item()).isEqualTo(reference);
    assertThat(ranked.subList(2, 5)).extracting(Ranked::item)
        .containsExactlyInAnyOrder(fartherAway, dormant, nothingInCommon);
  }

  @Test
  void sharingARareInterestBeatsSharingACommonOne() {
    MemberSignals climber = neighbour(20).likesOnly("climbing").build();
    MemberSignals hiker = neighbour(21).build();
    assertThat(rank(anna, hiker, climber).get(0).item()).isEqualTo(climber);
  }

  @Test
  void twoNativeSpeakersBeatANativeAndABeginner() {
    MemberSignals native_ = neighbour(30).speaksOnly("de", NATIVE).build();
    MemberSignals beginner = neighbour(31).speaksOnly("de", BASIC).build();
    assertThat(rank(anna, beginner, native_).get(0).item()).isEqualTo(native_);
  }

  @Test
  void newcomerBeatsOldTimerAndIsToldApart() {
    MemberSignals newcomer = neighbour(40).joinedAgo(Duration.ofDays(10)).build();
    MemberSignals oldTimer = neighbour(41).joinedAgo(Duration.ofDays(900)).build();
    List<Ranked<MemberSignals>> ranked = rank(anna, oldTimer, newcomer);
    assertThat(ranked.get(0).item()).isEqualTo(newcomer);
    assertThat(ranked.get(0).explanation().reasons()).contains(Reason.of("new_in_city", "Munich"));
    assertThat(ranked.get(1).explanation().reasons()).doesNotContain(Reason.of("new_in_city", "Munich"));
  }

  @Test
  void reasonsReadLikeWhyAPersonWouldMeetThem() {
    MemberSignals kindred = World.member(50).at(SCHWABING).speaksOnly("de", NATIVE).likes("hiking", "climbing", "golf")
        .activeAgo(Duration.ofDays(3)).joinedAgo(Duration.ofDays(10)).quality(1).build();
    Explanation explanation = rank(anna, kindred).get(0).explanation();
    assertThat(explanation.reasons()).containsExactlyInAnyOrder(
        Reason.of("shared_interests", 2, "climbing", "hiking"),
        Reason.of("fit_both_ways"),
        Reason.of("shared_languages", "de", "native", 0),
        Reason.of("distance", 2),
        Reason.of("active_this_week"),
        Reason.of("new_in_city", "Munich"),
        Reason.of("complete_profile"));
    assertThat(explanation.reasons().get(0)).isEqualTo(Reason.of("shared_interests", 2, "climbing", "hiking"));
  }

  @Test
  void localFirstPrefersTheNeighbourAndInterestsFirstTheKindredSpirit() {
    Viewer carla = Viewer.of(World.member(60).at(MUNICH).likes("hiking", "chess", "jazz").build(), null);
    MemberSignals neighbour = World.member(61).at(World.north(MUNICH, 1)).likes("hiking").build();
    MemberSignals kindredSpirit = World.member(62).at(World.north(MUNICH, 80)).likes("chess", "jazz").build();
    assertThat(rank(carla, "local-first", neighbour, kindredSpirit).get(0).item()).isEqualTo(neighbour);
    assertThat(rank(carla, "interests-first", neighbour, kindredSpirit).get(0).item()).isEqualTo(kindredSpirit);
  }

  /** A Munich hiker 2 km from the centre who speaks English, active two days ago: the reference. */
  private static World.MemberBuilder neighbour(long id) {
    return World.member(id).at(SCHWABING).speaksOnly("en", FLUENT).likes("hiking");
  }

  /** What Solr filters before ranking: within the radius and sharing a language. */
  private static List<Candidate<MemberSignals>> hardConstraints(Viewer viewer, List<MemberSignals> members) {
    List<Candidate<MemberSignals>> result = new ArrayList<>();
    for (MemberSignals member : members) {
      boolean near = member.location() != null && viewer.origin().distanceKm(member.location()) <= RADIUS_KM;
      boolean talks = member.languages().keySet().stream().anyMatch(viewer.languages()::containsKey);
      if (near && talks) {
        result.add(Candidate.of(member));
      }
    }
    return result;
  }

  private List<Ranked<MemberSignals>> rank(Viewer viewer, MemberSignals... members) {
    return rank(viewer, "default", members);
  }

  private List<Ranked<MemberSignals>> rank(Viewer viewer, String profile, MemberSignals... members) {
    List<Candidate<MemberSignals>> candidates = new ArrayList<>();
    for (MemberSignals member : members) {
      candidates.add(Candidate.of(member));
    }
    return rank(viewer, profile, candidates);
  }

  private List<Ranked<MemberSignals>> rank(Viewer viewer, List<Candidate<MemberSignals>> candidates) {
    return rank(viewer, "default", candidates);
  }

  private List<Ranked<MemberSignals>> rank(Viewer viewer, String profile, List<Candidate<MemberSignals>> candidates) {
    return ranker.rank(viewer, candidates, World.profiles().profile(profile), CORPUS, NOW);
  }
}
