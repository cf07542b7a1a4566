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

    assertThat(items(MergedMatches.page(members, Optional.empty(), 20, 0, 20)))
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

    assertThat(items(MergedMatches.page(members, Optional.of(PROFILE), 2, 0, 2))).containsExactly("a1", "b1");
    assertThat(items(MergedMatches.page(members, Optional.of(PROFILE), 2, 2, 2))).containsExactly("a2", "a3");
    assertThat(items(MergedMatches.page(members, Optional.empty(), 2, 0, 2))).containsExactly("a1", "a2");
  }

  @Test
  void aPageBeyondTheMergedMembersIsEmpty() {
    assertThat(MergedMatches.page(List.of(member("a", 1, 1, 1, 1)), Optional.of(PROFILE), 20, 20, 20)).isEmpty();
  }

  private static MergedMatches.Member<String> member(String item, double score, float prerank, long lastActive, long id) {
    return member(item, score, prerank, lastActive, id, null, Set.of());
  }

  private static MergedMatches.Member<String> member(String item, double score, float prerank, long lastActive, long id,
      String origin, Set<String> interests) {
    return new MergedMatches.Member<>(item, score, prerank, lastActive, id,
        new MemberSignals(id, null, 0, null, origin, null, interests, null, null, 0));
  }

  private static List<String> items(List<MergedMatches.Member<String>> page) {
    return page.stream().map(MergedMatches.Member::item).toList();
  }
}
