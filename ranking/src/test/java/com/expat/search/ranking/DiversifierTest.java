package com.expat.search.ranking;

import static com.expat.search.ranking.World.CORPUS;
import static com.expat.search.ranking.World.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.expat.search.ranking.signals.Candidate;
import com.expat.search.ranking.signals.MemberSignals;
import com.expat.search.ranking.signals.Viewer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class DiversifierTest {
  private static final int PAGE = 5;
  private final MatchRanker ranker = Rankers.matches();
  private final Viewer viewer = Viewer.of(World.member(1).likes("hiking", "jazz", "chess").build(), null);

  @Test
  void strengthZeroKeepsTheRankedOrder() {
    List<Ranked<MemberSignals>> ranked = germansFirst();
    List<Ranked<MemberSignals>> same = ranker.diversify(ranked, PAGE, profile(0));
    assertThat(same).containsExactlyElementsOf(ranked);
  }

  @Test
  void firstPageIsNotAllOneNationality() {
    List<Ranked<MemberSignals>> ranked = germansFirst();
    assertThat(origins(ranked.subList(0, PAGE))).containsExactly("DE");

    List<Ranked<MemberSignals>> diversified = ranker.diversify(ranked, PAGE, profile(0.5));

    assertThat(origins(diversified.subList(0, PAGE))).hasSizeGreaterThanOrEqualTo(3);
    assertThat(diversified.get(0)).isSameAs(ranked.get(0));
  }

  @Test
  void firstPageIsNotAllOneInterestCluster() {
    List<Candidate<MemberSignals>> candidates = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      candidates.add(Candidate.of(World.member(10 + i).origin("DE").likes("hiking", "jazz", "chess")
          .activeAgo(Duration.ofHours(i)).build()));
    }
    for (int i = 0; i < 10; i++) {
      candidates.add(Candidate.of(World.member(30 + i).origin("DE").likes(i % 2 == 0 ? "hiking" : "chess", "golf")
          .activeAgo(Duration.ofHours(i)).build()));
    }
    List<Ranked<MemberSignals>> ranked = ranker.rank(viewer, candidates, World.defaultProfile(), CORPUS, NOW);
    assertThat(ranked.subList(0, PAGE)).allSatisfy(r -> assertThat(r.item().interests()).contains("jazz"));

    List<Ranked<MemberSignals>> diversified = ranker.diversify(ranked, PAGE, profile(0.6));

    assertThat(diversified.subList(0, PAGE)).anySatisfy(r -> assertThat(r.item().interests()).contains("golf"));
  }

  @Test
  void diversifyingIsDeterministicAndNeitherRepeatsNorSkipsAnyone() {
    RandomGenerator random = new SplittableRandom(61);
    for (int round = 0; round < 50; round++) {
      List<Candidate<MemberSignals>> candidates = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        candidates.add(Candidate.of(World.randomMember(10 + i, random).build()));
      }
      List<Ranked<MemberSignals>> ranked = ranker.rank(World.randomViewer(random), candidates, World.defaultProfile(), CORPUS, NOW);
      double strength = random.nextDouble();
      List<Ranked<MemberSignals>> once = ranker.diversify(ranked, PAGE, profile(strength));
      List<Ranked<MemberSignals>> twice = ranker.diversify(ranked, PAGE, profile(strength));
      assertThat(once).containsExactlyElementsOf(twice);
      assertThat(once).containsExactlyInAnyOrderElementsOf(ranked);
      assertThat(once.subList(PAGE * 3, once.size())).containsExactlyElementsOf(ranked.subList(PAGE * 3, ranked.size()));
    }
  }

  @Test
  void diversifyingPicksWhatTheSetDefinitionOfSimilarityPicks() {
    RandomGenerator random = new SplittableRandom(7);
    for (int round = 0; round < 100; round++) {
      List<Candidate<MemberSignals>> candidates = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        MemberSignals member = World.randomMember(10 + i, random).build();
        candidates.add(Candidate.of(random.nextInt(5) == 0 ? withoutOrigin(member) : member));
      }
      List<Ranked<MemberSignals>> ranked = ranker.rank(World.randomViewer(random), candidates, World.defaultProfile(), CORPUS, NOW);
      RankingProfile profile = profile(random.nextDouble());

      List<Ranked<MemberSignals>> diversified = ranker.diversify(ranked, PAGE, profile);

      assertThat(diversified.subList(0, PAGE))
          .containsExactlyElementsOf(referencePicks(ranked, PAGE, profile.diversity()));
    }
  }

  @Test
  void pageSizeMustBePositive() {
    assertThatThrownBy(() -> ranker.diversify(germansFirst(), 0, profile(0.5))).hasMessageContaining("was 0");
  }

  /** Ten Germans, then ten of other nationalities scoring a little lower. */
  private List<Ranked<MemberSignals>> germansFirst() {
    List<Candidate<MemberSignals>> candidates = new ArrayList<>();
    List<String> others = List.of("FR", "ES", "US", "JP", "IT");
    for (int i = 0; i < 10; i++) {
      candidates.add(Candidate.of(World.member(10 + i).origin("DE").likes("hiking", "jazz").build()));
      candidates.add(Candidate.of(World.member(30 + i).origin(others.get(i % others.size())).likes("hiking", "jazz")
          .activeAgo(Duration.ofDays(4)).build()));
    }
    return ranker.rank(viewer, candidates, World.defaultProfile(), CORPUS, NOW);
  }

  /** MMR written straight from DiversityParameters' definition, with the set-based similarity. */
  private static List<Ranked<MemberSignals>> referencePicks(
      List<Ranked<MemberSignals>> ranked, int page, DiversityParameters parameters) {
    int pool = Math.min(ranked.size(), page * parameters.poolFactor());
    double top = ranked.subList(0, pool).stream().mapToDouble(Ranked::score).max().orElse(0);
    List<Ranked<MemberSignals>> picks = new ArrayList<>();
    while (picks.size() < Math.min(page, pool)) {
      Ranked<MemberSignals> best = null;
      double bestValue = Double.NEGATIVE_INFINITY;
      for (Ranked<MemberSignals> candidate : ranked.subList(0, pool)) {
        if (picks.contains(candidate)) {
          continue;
        }
        double closest = 0;
        for (Ranked<MemberSignals> picked : picks) {
          closest = Math.max(closest, Diversifier.similarity(picked.item(), candidate.item(), parameters));
        }
        double value = (1 - parameters.strength()) * (top > 0 ? candidate.score() / top : 0)
            - parameters.strength() * closest;
        if (value > bestValue) {
          best = candidate;
          bestValue = value;
        }
      }
      picks.add(best);
    }
    return picks;
  }

  private static MemberSignals withoutOrigin(MemberSignals m) {
    return new MemberSignals(m.id(), m.location(), m.cityId(), m.cityName(), null, m.languages(), m.interests(),
        m.lastActiveAt(), m.createdAt(), m.profileQuality());
  }

  private static RankingProfile profile(double strength) {
    RankingProfile base = World.defaultProfile();
    return new RankingProfile("test", "", base.members(), base.events(), base.languageLevels(),
        new DiversityParameters(strength, 3, 0.5, 0.5));
  }

  private static Set<String> origins(List<Ranked<MemberSignals>> page) {
    Set<String> result = new HashSet<>();
    page.forEach(r -> result.add(r.item().originCountry()));
    return result;
  }
}
