package com.expat.search.bench.lab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OutcomeSimulatorTest {
  static final Instant JOINED = Instant.parse("2025-01-01T00:00:00Z");
  // Berlin; ~3 km away; Munich (~500 km).
  static final double LAT = 52.52, LON = 13.40;

  static LabMember member(long id, double lat, double lon, String origin, Set<String> languages, double[] clusters) {
    return new LabMember(id, lat, lon, origin, languages, clusters, Set.of(), JOINED, 3_600_000, true, Set.of(), Set.of());
  }

  /** Receivers who speak German, like cluster 0 and live in Berlin. */
  static List<LabMember> receivers(int n) {
    List<LabMember> result = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      result.add(member(1000 + i, LAT, LON, "DE", Set.of("de"), new double[] {1, 0, 0}));
    }
    return result;
  }

  static final LabMember CLOSE_SHARED_SAME_CLUSTER = member(1, LAT + 0.02, LON, "DE", Set.of("de", "en"), new double[] {1, 0, 0});
  static final LabMember FAR = member(2, 48.14, 11.58, "DE", Set.of("de", "en"), new double[] {1, 0, 0});
  static final LabMember NO_SHARED_LANGUAGE = member(3, LAT + 0.02, LON, "DE", Set.of("ja"), new double[] {1, 0, 0});
  static final LabMember OTHER_CLUSTER = member(4, LAT + 0.02, LON, "DE", Set.of("de", "en"), new double[] {0, 0, 1});

  static double acceptRate(OutcomeSimulator simulator, LabMember requester, List<LabMember> receivers) {
    return receivers.stream().filter(r -> simulator.accepts(requester, r)).count() / (double) receivers.size();
  }

  @Test
  void theSameSeedGivesTheSameOutcomesAndAnotherSeedOthers() {
    List<LabMember> receivers = receivers(500);
    OutcomeSimulator a = new OutcomeSimulator(new PreferenceModel(7, 0.5), 7, 1.0);
    OutcomeSimulator b = new OutcomeSimulator(new PreferenceModel(7, 0.5), 7, 1.0);
    OutcomeSimulator c = new OutcomeSimulator(new PreferenceModel(8, 0.5), 8, 1.0);
    List<Integer> gradesA = receivers.stream().map(r -> a.matchGrade(CLOSE_SHARED_SAME_CLUSTER, r)).toList();
    // asked in another order, the answers stay the same
    List<Integer> gradesB = new ArrayList<>();
    for (int i = receivers.size() - 1; i >= 0; i--) {
      gradesB.add(0, b.matchGrade(CLOSE_SHARED_SAME_CLUSTER, receivers.get(i)));
    }
    List<Integer> gradesC = receivers.stream().map(r -> c.matchGrade(CLOSE_SHARED_SAME_CLUSTER, r)).toList();
    assertThat(gradesB).isEqualTo(gradesA);
    assertThat(gradesC).isNotEqualTo(gradesA);
  }

  @Test
  void closerSharedLanguageAndSharedClusterPairsAcceptMoreOften() {
    OutcomeSimulator simulator = new OutcomeSimulator(new PreferenceModel(1, 0.5), 1, 1.0);
    List<LabMember> receivers = receivers(2000);
    double best = acceptRate(simulator, CLOSE_SHARED_SAME_CLUSTER, receivers);
    assertThat(best).isGreaterThan(acceptRate(simulator, FAR, receivers) + 0.1);
    assertThat(best).isGreaterThan(acceptRate(simulator, NO_SHARED_LANGUAGE, receivers) + 0.2);
    assertThat(best).isGreaterThan(acceptRate(simulator, OTHER_CLUSTER, receivers) + 0.05);
  }

  @Test
  void outcomesAreNoisyEvenForTheBestAndWorstPairs() {
    OutcomeSimulator simulator = new OutcomeSimulator(new PreferenceModel(1, 0.5), 1, 1.0);
    List<LabMember> receivers = receivers(2000);
    assertThat(acceptRate(simulator, CLOSE_SHARED_SAME_CLUSTER, receivers)).isBetween(0.05, 0.98);
    assertThat(acceptRate(simulator, NO_SHARED_LANGUAGE, receivers)).isBetween(0.001, 0.5);
    // identical profiles, different people: their outcomes differ
    long grades = receivers.stream().map(r -> simulator.matchGrade(CLOSE_SHARED_SAME_CLUSTER, r)).distinct().count();
    assertThat(grades).isGreaterThanOrEqualTo(3);
  }

  @Test
  void nearbyEventsInASpokenLanguageMatchingTheTasteDrawMorePeople() {
    OutcomeSimulator simulator = new OutcomeSimulator(new PreferenceModel(1, 0.5), 1, 1.0);
    List<LabMember> people = receivers(2000);
    LabEvent good = new LabEvent(1, LAT, LON, "de", new double[] {1, 0, 0}, JOINED, Set.of());
    LabEvent foreign = new LabEvent(2, LAT, LON, "ja", new double[] {1, 0, 0}, JOINED, Set.of());
    LabEvent far = new LabEvent(3, 48.14, 11.58, "de", new double[] {1, 0, 0}, JOINED, Set.of());
    double wentGood = people.stream().filter(p -> simulator.eventGrade(p, good, 0) == 3).count() / 2000.0;
    double wentForeign = people.stream().filter(p -> simulator.eventGrade(p, foreign, 0) == 3).count() / 2000.0;
    double wentFar = people.stream().filter(p -> simulator.eventGrade(p, far, 0) == 3).count() / 2000.0;
    double wentWithFriends = people.stream().filter(p -> simulator.eventGrade(p, good, 5) == 3).count() / 2000.0;
    assertThat(wentGood).isGreaterThan(wentForeign + 0.1).isGreaterThan(wentFar + 0.1).isLessThan(1.0);
    assertThat(wentWithFriends).isGreaterThan(wentGood);
  }

  @Test
  void hiddenPreferencesDependOnTheSeedAndOnlyPartlyOnDeclaredInterests() {
    LabMember member = member(42, LAT, LON, "DE", Set.of("de"), new double[] {1, 0, 0, 0});
    HiddenPreferences one = new PreferenceModel(1, 0.5).of(member);
    HiddenPreferences again = new PreferenceModel(1, 0.5).of(member);
    HiddenPreferences other = new PreferenceModel(2, 0.5).of(member);
    assertThat(again).usingRecursiveComparison().isEqualTo(one);
    assertThat(other.maxTravelKm()).isNotEqualTo(one.maxTravelKm());
    assertThat(one.taste()[0]).isGreaterThanOrEqualTo(0.5).isLessThan(1.0);
    assertThat(one.taste()[1] + one.taste()[2] + one.taste()[3]).isGreaterThan(0);
  }
}
