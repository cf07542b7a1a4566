package com.expat.search.ranking.solr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.expat.search.ranking.MemberFeature;
import com.expat.search.ranking.RankingException;
import com.expat.search.ranking.RankingProfile;
import com.expat.search.ranking.RankingProfiles;
import com.expat.search.ranking.World;
import com.expat.search.ranking.signals.Viewer;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RankParamsTest {
  private static final Instant NOW = Instant.parse("2026-06-01T10:15:00Z");

  @Test
  void everyShippedProfileAndRandomViewersComeBackAsTheyWereSent() {
    SplittableRandom random = new SplittableRandom(7);
    RankingProfiles profiles = RankingProfiles.load();
    for (String name : profiles.names()) {
      RankingProfile profile = profiles.profile(name).withMemberWeights(Map.of(MemberFeature.TEXT, 0.123456789));
      for (int i = 0; i < 50; i++) {
        Viewer viewer = World.randomViewer(random);
        Viewer sent = new Viewer(viewer.memberId(), viewer.origin(), viewer.originCountry(), viewer.languages(),
            viewer.interests(), java.util.Set.of());
        RankParams params = new RankParams(profile, sent, NOW);

        RankParams read = RankParams.read(new HashMap<>(params.params())::get);

        assertThat(read.profile()).isEqualTo(new RankingProfile(profile.name(), "", profile.members(),
            profile.events(), profile.languageLevels(), profile.diversity()));
        assertThat(read.viewer()).isEqualTo(sent);
        assertThat(read.now()).isEqualTo(NOW);
      }
    }
  }

  @Test
  void anAnonymousViewerWithoutAPlaceTravelsToo() {
    RankParams params = new RankParams(RankingProfiles.load().defaultProfile(), Viewer.anonymous(null), NOW);
    assertThat(RankParams.read(new HashMap<>(params.params())::get).viewer()).isEqualTo(Viewer.anonymous(null));
  }

  @Test
  void aMissingOrMalformedParameterIsNamed() {
    Map<String, String> params = new HashMap<>(
        new RankParams(RankingProfiles.load().defaultProfile(), Viewer.anonymous(null), NOW).params());
    params.remove(RankParams.NOW);
    assertThatThrownBy(() -> RankParams.read(params::get)).isInstanceOf(RankingException.class)
        .hasMessageContaining(RankParams.NOW);
    params.put(RankParams.NOW, "1");
    params.put(RankParams.PROFILE, "default|text=1");
    assertThatThrownBy(() -> RankParams.read(params::get)).isInstanceOf(RankingException.class)
        .hasMessageContaining(RankParams.PROFILE);
  }
}
