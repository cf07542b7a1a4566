package com.expat.search.ranking.solr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.expat.search.ranking.MemberFeature;
import com.expat.search.ranking.Ranked;
import com.expat.search.ranking.Rankers;
import com.expat.search.ranking.RankingProfile;
import com.expat.search.ranking.RankingProfiles;
import com.expat.search.ranking.World;
import com.expat.search.ranking.signals.Candidate;
import com.expat.search.ranking.signals.Corpus;
import com.expat.search.ranking.signals.LanguageLevel;
import com.expat.search.ranking.signals.MemberSignals;
import com.expat.search.ranking.signals.Viewer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ColumnPrerankTest {
  private static final Instant NOW = Instant.parse("2026-06-01T10:15:00Z");
  private static final EnumSet<MemberFeature> PRERANKED = EnumSet.of(MemberFeature.DISTANCE,
      MemberFeature.SHARED_INTERESTS, MemberFeature.SHARED_LANGUAGES, MemberFeature.RECENT_ACTIVITY,
      MemberFeature.NEWNESS, MemberFeature.PROFILE_QUALITY);

  @Test
  void thePrerankIsTheModelsWeightedSumOfTheFeaturesItReads() {
    SplittableRandom random = new SplittableRandom(3);
    Corpus corpus = Corpus.of(1000, Map.of("hiking", 300L, "chess", 4L, "jazz", 90L));
    RankingProfiles profiles = RankingProfiles.load();
    int compared = 0;
    for (String name : profiles.names()) {
      RankingProfile profile = profiles.profile(name);
      for (int v = 0; v < 20; v++) {
        Viewer viewer = World.randomViewer(random);
        ColumnPrerank prerank = ColumnPrerank.of(new RankParams(profile, viewer, NOW), corpus);
        List<Candidate<MemberSignals>> members = new ArrayList<>();
        for (int m = 0; m < 30; m++) {
          members.add(Candidate.of(World.randomMember(m + 2, random).build()));
        }
        for (Ranked<MemberSignals> ranked : Rankers.matches().rank(viewer, members, profile, corpus, NOW)) {
          double expected = 0;
          for (MemberFeature feature : PRERANKED) {
            expected += profile.members().weight(feature) * ranked.value(feature);
          }
          assertThat(columns(prerank, ranked.item())).as(name + " " + ranked.item())
              .isCloseTo(expected, within(1e-12));
          compared++;
        }
      }
    }
    assertThat(compared).isEqualTo(profiles.names().size() * 20 * 30);
  }

  /** What a search engine reading columns computes: each term as the plugin adds it. */
  private static double columns(ColumnPrerank prerank, MemberSignals member) {
    double score = 0;
    if (member.location() != null && prerank.readsDistance()) {
      score += prerank.distance(member.location().latitude(), member.location().longitude());
    }
    for (String slug : member.interests()) {
      score += prerank.interest(slug);
    }
    double[] pairs = new double[member.languages().size()];
    int count = 0;
    for (Map.Entry<String, LanguageLevel> language : member.languages().entrySet()) {
      double pair = prerank.languagePair(language.getKey() + ":" + language.getValue().label());
      if (pair > 0) {
        pairs[count++] = pair;
      }
    }
    score += prerank.languages(pairs, count);
    if (member.lastActiveAt() != null) {
      score += prerank.activity(member.lastActiveAt().toEpochMilli());
    }
    if (member.createdAt() != null) {
      score += prerank.newness(member.createdAt().toEpochMilli());
    }
    return score + prerank.quality(member.profileQuality());
  }
}
