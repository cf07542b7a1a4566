package com.expat.search.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RankingProfileTest {
  private final RankingProfile base = RankingProfiles.load().defaultProfile();

  @Test
  void customMemberWeightsReplaceOnlyTheNamedFeatures() {
    RankingProfile custom = base.withMemberWeights(Map.of(MemberFeature.DISTANCE, 7.5, MemberFeature.NEWNESS, 0.0));

    assertThat(custom.members().weight(MemberFeature.DISTANCE)).isEqualTo(7.5);
    assertThat(custom.members().weight(MemberFeature.NEWNESS)).isZero();
    for (MemberFeature feature : MemberFeature.values()) {
      if (feature != MemberFeature.DISTANCE && feature != MemberFeature.NEWNESS) {
        assertThat(custom.members().weight(feature)).as(feature.id()).isEqualTo(base.members().weight(feature));
      }
    }
    assertThat(custom.members().distanceScaleKm()).isEqualTo(base.members().distanceScaleKm());
    assertThat(custom.events()).isEqualTo(base.events());
    assertThat(custom.name()).isEqualTo(base.name());
  }

  @Test
  void customEventWeightsLeaveMembersAlone() {
    RankingProfile custom = base.withEventWeights(Map.of(EventFeature.POPULARITY, 9.0));

    assertThat(custom.events().weight(EventFeature.POPULARITY)).isEqualTo(9.0);
    assertThat(custom.events().weight(EventFeature.DISTANCE)).isEqualTo(base.events().weight(EventFeature.DISTANCE));
    assertThat(custom.members()).isEqualTo(base.members());
  }

  @Test
  void noCustomWeightsIsTheProfileItself() {
    assertThat(base.withMemberWeights(Map.of())).isSameAs(base);
    assertThat(base.withEventWeights(Map.of())).isSameAs(base);
  }

  @Test
  void negativeCustomWeightIsRefusedNamingTheFeature() {
    assertThatThrownBy(() -> base.withMemberWeights(Map.of(MemberFeature.TEXT, -1.0)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("text");
  }
}
