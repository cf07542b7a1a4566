package com.expat.search.ranking.solr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.expat.search.ranking.EventFeature;
import com.expat.search.ranking.Ranked;
import com.expat.search.ranking.Rankers;
import com.expat.search.ranking.RankingProfile;
import com.expat.search.ranking.RankingProfiles;
import com.expat.search.ranking.World;
import com.expat.search.ranking.signals.Candidate;
import com.expat.search.ranking.signals.EventSignals;
import com.expat.search.ranking.signals.Viewer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EventColumnPrerankTest {
  /** The features the events' pre-rank computes: every one but text and contacts attending. */
  private static final EnumSet<EventFeature> PRERANKED = EnumSet.of(EventFeature.STARTS_SOON, EventFeature.DISTANCE,
      EventFeature.INTERESTS, EventFeature.LANGUAGE, EventFeature.POPULARITY, EventFeature.ROOM_LEFT);

  @Test
  void thePrerankIsTheModelsWeightedSumOfTheFeaturesSolrComputes() {
    assertThat(PRERANKED).containsExactlyInAnyOrderElementsOf(
        EnumSet.allOf(EventFeature.class).stream().filter(EventFeature::solrComputable).toList());
    SplittableRandom random = new SplittableRandom(9);
    RankingProfiles profiles = RankingProfiles.load();
    int compared = 0;
    for (String name : profiles.names()) {
      RankingProfile profile = profiles.profile(name).withEventWeights(Map.of(EventFeature.CONTACTS_ATTENDING, 3.0));
      for (int v = 0; v < 20; v++) {
        Viewer viewer = v % 5 == 4 ? Viewer.anonymous(null) : World.randomViewer(random);
        EventColumnPrerank prerank = EventColumnPrerank.of(new EventRankParams(profile, viewer, World.NOW, World.CORPUS));
        List<Candidate<EventSignals>> events = new ArrayList<>();
        for (int e = 0; e < 30; e++) {
          events.add(Candidate.of(World.randomEvent(e + 1, random).build()));
        }
        for (Ranked<EventSignals> ranked : Rankers.events().rank(viewer, events, profile, World.CORPUS, World.NOW)) {
          double expected = 0;
          for (EventFeature feature : PRERANKED) {
            expected += profile.events().weight(feature) * ranked.value(feature);
          }
          assertThat(columns(prerank, ranked.item())).as(name + " " + ranked.item())
              .isCloseTo(expected, within(1e-12));
          compared++;
        }
      }
    }
    assertThat(compared).isGreaterThan(profiles.names().size() * 20 * 25);
  }

  /** What a search engine reading columns computes: each term as the plugin adds it. */
  private static double columns(EventColumnPrerank prerank, EventSignals event) {
    double score = prerank.startsSoon(event.startsAt().toEpochMilli());
    if (event.location() != null && prerank.readsDistance()) {
      score += prerank.distance(event.location().latitude(), event.location().longitude());
    }
    for (String slug : event.interests()) {
      score += prerank.interest(slug);
    }
    return score + prerank.language(event.language()) + prerank.attendance(event.attendeeCount(), event.capacity());
  }
}
