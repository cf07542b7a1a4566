package com.expat.search.solr.rank;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.ranking.RankingProfiles;
import com.expat.search.ranking.RankingProfile;
import com.expat.search.ranking.signals.MemberSignals;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MergedMatchesTest {
  private static final RankingProfile PROFILE = RankingProfiles.load().defaultProfile();

  @Test
  void equalScoresFromTwoShardsKeepOneCoresOrder_prerankThenLastActivityThenId() {
    List<MergedMatches.Member<String>> members = List.of(
        member("b-id9", 0.5, 0.7f, 100, 9),
        member("a-id3", 0.5, 0.7f, 100, 3),
        member("a-old", 0.5, 0.7f, 50, 1),
        member("b-pre", 0.5, 0.9f, 10, 20),
        member("a-top", 0.8, 0.1f, 0, 30));

    assertThat(items(MergedMatches.page(members, MemberOrder.MODEL, Optional.empty(), 20, 0, 20)))
        .containsExactly("a-top", "b-pre", "a-id3", "b-id9", "a-old");
  }

  @Test
  void theDiversityPassRunsOnTheMergedRankingAndPagesFollowIt() {
    // Shard a holds three alike members at the top, shard b one unlike them just below.
    List<MergedMatches.Member<String>> members = new ArrayList<>(List.of(
        member("a1", 1.00, 1, 1, 1, "DE", Set.of("hiking", "chess")),
        member("a2", 0.99, 1, 1, 2, "DE", Set.of("hiking", "chess")),
        member("a3", 0.98, 1, 1, 3, "DE", Set.of("hiking", "chess")),
        member("b1", 0.97, 1, 1, 4, "BR", Set.of("samba"))));

    assertThat(items(MergedMatches.page(members, MemberOrder.MODEL, Optional.of(PROFILE), 2, 0, 2))).containsExactly("a1", "b1");
    assertThat(items(MergedMatches.page(members, MemberOrder.MODEL, Optional.of(PROFILE), 2, 2, 2))).containsExactly("a2", "a3");
    assertThat(items(MergedMatches.page(members, MemberOrder.MODEL, Optional.empty(), 2, 0, 2))).containsExactly("a1", "a2");
  }

  @Test
  void anOrderTheModelDoesNotDecideMergesByItsValueThenTheKeyThenLastActivityThenIdAsText_neverByTheModelsScore() {
    List<MergedMatches.Member<String>> members = List.of(
        sorted("far-best", 0.9, 0.9f, -30.0, 1, 1),
        sorted("near-low-key", 0.1, 0.2f, -2.0, 5, 2),
        sorted("near-high-key", 0.2, 0.5f, -2.0, 1, 3),
        sorted("near-same-key-older", 0.8, 0.5f, -2.0, 0, 4),
        sorted("near-same-key-id10", 0.8, 0.2f, -2.0, 5, 10),
        sorted("nowhere", 1.0, 1f, Double.NEGATIVE_INFINITY, 9, 6));

    assertThat(items(MergedMatches.page(members, MemberOrder.DISTANCE, Optional.of(PROFILE), 20, 0, 20)))
        .containsExactly("near-high-key", "near-same-key-older", "near-same-key-id10", "near-low-key", "far-best",
            "nowhere");
    assertThat(items(MergedMatches.page(members, MemberOrder.DISTANCE, Optional.empty(), 2, 2, 2)))
        .containsExactly("near-same-key-id10", "near-low-key");
  }

  @Test
  void aPageBeyondTheMergedMembersIsEmpty() {
    assertThat(MergedMatches.page(List.of(member("a", 1, 1, 1, 1)), MemberOrder.MODEL, Optional.of(PROFILE), 20, 20, 20)).isEmpty();
  }

  private static MergedMatches.Member<String> member(String item, double score, float prerank, long lastActive, long id) {
    return member(item, score, prerank, lastActive, id, null, Set.of());
  }

  private static MergedMatches.Member<String> member(String item, double score, float prerank, long lastActive, long id,
      String origin, Set<String> interests) {
    return new MergedMatches.Member<>(item, score, prerank, 0, lastActive, id,
        new MemberSignals(id, null, 0, null, origin, null, interests, null, null, 0));
  }

  private static MergedMatches.Member<String> sorted(String item, double score, float key, double primary,
      long lastActive, long id) {
    return new MergedMatches.Member<>(item, score, key, primary, lastActive, id,
        new MemberSignals(id, null, 0, null, null, null, Set.of(), null, null, 0));
  }

  private static List<String> items(List<MergedMatches.Member<String>> page) {
    return page.stream().map(MergedMatches.Member::item).toList();
  }
}
