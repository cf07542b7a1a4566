package com.expat.search.ranking;

import static com.expat.search.ranking.World.CORPUS;
import static com.expat.search.ranking.World.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.expat.search.ranking.World.MemberBuilder;
import com.expat.search.ranking.signals.Candidate;
import com.expat.search.ranking.signals.LanguageLevel;
import com.expat.search.ranking.signals.MemberSignals;
import com.expat.search.ranking.signals.Viewer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Properties of the member ranking over generated viewers and candidates, all else equal. */
class MatchRankerTest {
  private static final int CASES = 400;
  private final MatchRanker ranker = Rankers.matches();

  @Test
  void explanationSumsToTheScoreForEveryProfile() {
    RandomGenerator random = new SplittableRandom(41);
    for (String name : World.profiles().names()) {
      RankingProfile profile = World.profiles().profile(name);
      for (int i = 0; i < 50; i++) {
        Viewer viewer = World.randomViewer(random);
        List<Candidate<MemberSignals>> candidates = new ArrayList<>();
        for (int c = 0; c < 20; c++) {
          candidates.add(new Candidate<>(World.randomMember(10 + c, random).build(), random.nextDouble()));
        }
        for (Ranked<MemberSignals> ranked : ranker.rank(viewer, candidates, profile, CORPUS, NOW)) {
          Explanation explanation = ranked.explanation();
          double sum = explanation.contributions().stream().mapToDouble(Contribution::contribution).sum();
          assertThat(sum).isCloseTo(ranked.score(), within(1e-9));
          assertThat(explanation.score()).isEqualTo(ranked.score());
          assertThat(explanation.contributions()).extracting(Contribution::feature)
              .containsExactly("text", "distance", "shared_interests", "reciprocal_interests", "shared_languages",
                  "recent_activity", "newness", "profile_quality");
          assertThat(explanation.contributions()).allSatisfy(c -> {
            assertThat(c.value()).isBetween(0.0, 1.0 + 1e-12);
            assertThat(c.contribution()).isEqualTo(c.value() * c.weight());
          });
          assertThat(explanation.byFeature().values().stream().mapToDouble(Double::doubleValue).sum())
              .isCloseTo(ranked.score(), within(1e-9));
        }
      }
    }
  }

  @Test
  void rankingIsBestFirstAndKeepsInputOrderOnTies() {
    MemberSignals twin = World.member(2).likes("hiking").build();
    MemberSignals sameAgain = World.member(3).likes("hiking").build();
    Viewer viewer = Viewer.of(World.member(1).likes("hiking").build(), null);
    List<Ranked<MemberSignals>> ranked = ranker.rank(viewer,
        List.of(Candidate.of(twin), Candidate.of(sameAgain)), World.defaultProfile(), CORPUS, NOW);
    assertThat(ranked).extracting(r -> r.item().id()).containsExactly(2L, 3L);
  }

  @Test
  void closerCandidateNeverScoresLower() {
    property(42, (viewer, member, random) -> {
      MemberSignals far = member.build();
      if (far.location() == null) {
        return;
      }
      double km = viewer.origin().distanceKm(far.location()) * random.nextDouble();
      MemberSignals closer = member.at(World.north(viewer.origin(), km)).build();
      assertNotLower(viewer, closer, far);
    });
  }

  @Test
  void oneMoreSharedInterestNeverScoresLower() {
    property(43, (viewer, member, random) -> {
      if (viewer.interests().isEmpty()) {
        return;
      }
      MemberSignals before = member.build();
      List<String> mine = new ArrayList<>(viewer.interests());
      MemberSignals after = member.likes(mine.get(random.nextInt(mine.size()))).build();
      assertNotLower(viewer, after, before);
    });
  }

  @Test
  void rarerSharedInterestNeverScoresLowerThanACommonOne() {
    property(44, (viewer, member, random) -> {
      List<String> mine = new ArrayList<>(viewer.interests());
      mine.removeAll(member.interests);
      if (mine.size() < 2) {
        return;
      }
      String a = mine.get(random.nextInt(mine.size()));
      String b = mine.get(random.nextInt(mine.size()));
      String rare = CORPUS.idf(a) >= CORPUS.idf(b) ? a : b;
      String common = rare.equals(a) ? b : a;
      MemberSignals withCommon = member.likes(common).build();
      member.interests.remove(common);
      MemberSignals withRare = member.likes(rare).build();
      assertNotLower(viewer, withRare, withCommon);
    });
  }

  @Test
  void strongerOrOneMoreSharedLanguageNeverScoresLower() {
    property(45, (viewer, member, random) -> {
      MemberSignals before = member.build();
      List<String> mine = new ArrayList<>(viewer.languages().keySet());
      String code = mine.get(random.nextInt(mine.size()));
      LanguageLevel current = member.languages.get(code);
      LanguageLevel stronger = current == null
          ? LanguageLevel.values()[random.nextInt(4)]
          : LanguageLevel.values()[random.nextInt(current.ordinal() + 1)];
      assertNotLower(viewer, member.speaks(code, stronger).build(), before);
    });
  }

  @Test
  void moreRecentActivityNeverScoresLower() {
    property(46, (viewer, member, random) -> {
      MemberSignals before = member.build();
      Duration idle = Duration.between(before.lastActiveAt(), NOW);
      MemberSignals after = member.activeAgo(Duration.ofMillis((long) (idle.toMillis() * random.nextDouble()))).build();
      assertNotLower(viewer, after, before);
    });
  }

  @Test
  void newerAccountNeverScoresLower() {
    property(47, (viewer, member, random) -> {
      MemberSignals before = member.build();
      Duration age = Duration.between(before.createdAt(), NOW);
      MemberSignals after = member.joinedAgo(Duration.ofMillis((long) (age.toMillis() * random.nextDouble()))).build();
      assertNotLower(viewer, after, before);
    });
  }

  @Test
  void betterProfileNeverScoresLower() {
    property(48, (viewer, member, random) -> {
      MemberSignals before = member.build();
      MemberSignals after = member.quality(before.profileQuality() + (1 - before.profileQuality()) * random.nextDouble()).build();
      assertNotLower(viewer, after, before);
    });
  }

  @Test
  void betterTextMatchNeverScoresLower() {
    RandomGenerator random = new SplittableRandom(49);
    for (int i = 0; i < CASES; i++) {
      Viewer viewer = World.randomViewer(random);
      MemberSignals member = World.randomMember(2, random).build();
      double text = random.nextDouble();
      double better = text + (1 - text) * random.nextDouble();
      assertThat(score(viewer, new Candidate<>(member, better)))
          .isGreaterThanOrEqualTo(score(viewer, new Candidate<>(member, text)));
    }
  }

  @Test
  void candidateWhoseInterestsAreMostlyTheViewersFitsBetterBothWays() {
    Viewer viewer = Viewer.of(World.member(1).likes("chess", "jazz").build(), null);
    MemberSignals focused = World.member(2).likes("chess").build();
    MemberSignals scattered = World.member(3).likes("chess", "golf", "cooking", "photography").build();
    List<Ranked<MemberSignals>> ranked = ranker.rank(viewer,
        List.of(Candidate.of(scattered), Candidate.of(focused)), World.defaultProfile(), CORPUS, NOW);
    assertThat(ranked.get(0).item()).isEqualTo(focused);
    assertThat(ranked.get(0).value(MemberFeature.SHARED_INTERESTS))
        .isEqualTo(ranked.get(1).value(MemberFeature.SHARED_INTERESTS));
    assertThat(ranked.get(0).value(MemberFeature.RECIPROCAL_INTERESTS))
        .isGreaterThan(ranked.get(1).value(MemberFeature.RECIPROCAL_INTERESTS));
  }

  @Test
  void anonymousSearchRanksByWhatItKnows() {
    Viewer anonymous = Viewer.anonymous(World.MUNICH);
    MemberSignals near = World.member(2).at(World.SCHWABING).build();
    MemberSignals far = World.member(3).at(World.AUGSBURG).build();
    List<Ranked<MemberSignals>> ranked = ranker.rank(anonymous,
        List.of(Candidate.of(far), Candidate.of(near)), World.defaultProfile(), CORPUS, NOW);
    assertThat(ranked.get(0).item()).isEqualTo(near);
    assertThat(ranked.get(0).value(MemberFeature.SHARED_INTERESTS)).isZero();
  }

  private interface Property {
    void check(Viewer viewer, MemberBuilder member, RandomGenerator random);
  }

  private static void property(long seed, Property property) {
    RandomGenerator random = new SplittableRandom(seed);
    for (int i = 0; i < CASES; i++) {
      property.check(World.randomViewer(random), World.randomMember(2, random), random);
    }
  }

  private void assertNotLower(Viewer viewer, MemberSignals better, MemberSignals worse) {
    for (String name : World.profiles().names()) {
      RankingProfile profile = World.profiles().profile(name);
      double betterScore = ranker.rank(viewer, List.of(Candidate.of(better)), profile, CORPUS, NOW).get(0).score();
      double worseScore = ranker.rank(viewer, List.of(Candidate.of(worse)), profile, CORPUS, NOW).get(0).score();
      assertThat(betterScore).as("%s: %s vs %s", name, better, worse).isGreaterThanOrEqualTo(worseScore - 1e-12);
    }
  }

  private double score(Viewer viewer, Candidate<MemberSignals> candidate) {
    return ranker.rank(viewer, List.of(candidate), World.defaultProfile(), CORPUS, NOW).get(0).score();
  }
}
