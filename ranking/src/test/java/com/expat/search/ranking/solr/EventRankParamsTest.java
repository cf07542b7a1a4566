package com.expat.search.ranking.solr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.expat.search.ranking.EventFeature;
import com.expat.search.ranking.RankingException;
import com.expat.search.ranking.RankingProfile;
import com.expat.search.ranking.RankingProfiles;
import com.expat.search.ranking.World;
import com.expat.search.ranking.signals.Corpus;
import com.expat.search.ranking.signals.Viewer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EventRankParamsTest {
  @Test
  void profileViewerWithContactsAndTheRarityOfTheViewersInterestsComeBackAsSent() {
    SplittableRandom random = new SplittableRandom(5);
    RankingProfiles profiles = RankingProfiles.load();
    for (String name : profiles.names()) {
      RankingProfile profile = profiles.profile(name).withEventWeights(Map.of(EventFeature.ROOM_LEFT, 0.987654321));
      for (int i = 0; i < 50; i++) {
        Viewer viewer = World.randomViewer(random);
        EventRankParams sent = new EventRankParams(profile, viewer, World.NOW, World.CORPUS);

        EventRankParams read = EventRankParams.read(new HashMap<>(sent.params())::get);

        assertThat(read.profile().events()).isEqualTo(profile.events());
        assertThat(read.profile().languageLevels()).isEqualTo(profile.languageLevels());
        assertThat(read.viewer()).isEqualTo(viewer);
        assertThat(read.viewer().contactIds()).isEqualTo(viewer.contactIds());
        assertThat(read.now()).isEqualTo(World.NOW);
        assertThat(read.corpus().members()).isEqualTo(World.CORPUS.members());
        for (String slug : viewer.interests()) {
          assertThat(read.corpus().idf(slug)).as(slug).isEqualTo(World.CORPUS.idf(slug));
        }
        assertThat(read.params()).isEqualTo(sent.params());
      }
    }
  }

  @Test
  void anInterestNoMemberHasWeighsAsInTheServicesStatistics() {
    Viewer viewer = new Viewer(1, null, null, Map.of(), Set.of("no-one-has-this"), Set.of());
    Corpus corpus = Corpus.of(500, Map.of("hiking", 100L));
    EventRankParams read = EventRankParams.read(
        new HashMap<>(new EventRankParams(RankingProfiles.load().defaultProfile(), viewer, World.NOW, corpus).params())::get);
    assertThat(read.corpus().idf("no-one-has-this")).isEqualTo(corpus.idf("no-one-has-this"));
  }

  @Test
  void aMissingOrMalformedParameterIsNamed() {
    Map<String, String> params = new HashMap<>(new EventRankParams(RankingProfiles.load().defaultProfile(),
        World.randomViewer(new SplittableRandom(1)), World.NOW, World.CORPUS).params());
    Map<String, String> noContacts = new HashMap<>(params);
    noContacts.remove(EventRankParams.CONTACTS);
    assertThatThrownBy(() -> EventRankParams.read(noContacts::get)).isInstanceOf(RankingException.class)
        .hasMessageContaining(EventRankParams.CONTACTS);
    Map<String, String> badContacts = new HashMap<>(params);
    badContacts.put(EventRankParams.CONTACTS, "12,x");
    assertThatThrownBy(() -> EventRankParams.read(badContacts::get)).isInstanceOf(RankingException.class)
        .hasMessageContaining(EventRankParams.CONTACTS);
    for (String bad : new String[] {"hiking=1", "10|hiking", "10|hiking=-1", "x|"}) {
      Map<String, String> badWeights = new HashMap<>(params);
      badWeights.put(EventRankParams.INTERESTS, bad);
      assertThatThrownBy(() -> EventRankParams.read(badWeights::get)).as(bad).isInstanceOf(RankingException.class)
          .hasMessageContaining(EventRankParams.INTERESTS);
    }
    Map<String, String> noProfile = new HashMap<>(params);
    noProfile.remove(RankParams.PROFILE);
    assertThatThrownBy(() -> EventRankParams.read(noProfile::get)).isInstanceOf(RankingException.class)
        .hasMessageContaining(RankParams.PROFILE);
  }
}
