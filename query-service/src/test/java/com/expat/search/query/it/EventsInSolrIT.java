package com.expat.search.query.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.expat.search.common.solr.IndexNames;
import com.expat.search.common.solr.SolrSettings;
import com.expat.search.indexer.mapping.EventDocuments;
import com.expat.search.indexer.world.Event;
import com.expat.search.indexer.world.EventDetails;
import com.expat.search.query.QueryServiceConfig;
import com.expat.search.query.ranking.PrerankForm;
import com.expat.search.query.ranking.RankInSolr;
import com.expat.search.ranking.RankingProfiles;
import com.expat.search.testing.solr.SolrCores;
import com.expat.search.testing.solr.SolrExtension;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apache.solr.common.SolrInputDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A member's events and event search in relevance order ranked inside Solr ({@code
 * rq={!expat_events}}) answer item by item as the two stages do: the same events in the same
 * order, totals and facets, each with the same score, explanation and reasons. A generated world
 * of {@value #EVENTS} events around Berlin (with {@link World}'s members as viewers, Çağlar's
 * contact Dan going to some), more than a window of 300 for most requests, so the pre-rank decides
 * which events reach the whole model, as in production; every profile, custom weights, pages 1
 * and 2, with and without text, viewer and place.
 */
@ExtendWith(SolrExtension.class)
class EventsInSolrIT {
  private static final int EVENTS = 700;
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private static final List<String> LANGUAGES = List.of("de", "en", "tr", "fr", "it");
  private static final List<String> WORDS = List.of("hike", "walk", "chess", "night", "photo", "cooking", "forest",
      "lake", "meetup");
  private static final long[] MEMBERS = {1, 2, 3, 5, 6, 7, 8, 9, 10, 100, 101, 102};
  private static final long[][] CITIES = {{World.BERLIN}, {World.POTSDAM}, {World.MUNICH}};
  private static final double[][] POINTS = {{52.52437, 13.41053}, {52.39886, 13.06566}, {48.13743, 11.57549}};
  private static SolrCores solr;

  @BeforeAll
  static void index(SolrCores cores) throws Exception {
    solr = cores;
    World.index(solr);
    SplittableRandom random = new SplittableRandom(13);
    List<SolrInputDocument> docs = new ArrayList<>();
    for (int id = 1; id <= EVENTS; id++) {
      docs.add(EventDocuments.document(event(id, random), World.CATALOG));
    }
    solr.client().add(solr.events(), docs);
    solr.client().commit(solr.events());
  }

  @Test
  void aMembersEventsRankedInsideSolrAreTheTwoStagesEvents() {
    try (Api twoStages = Api.start(comparing().withRankInSolr(RankInSolr.Mode.OFF));
        Api inSolr = Api.start(comparing())) {
      int items = 0;
      int withContacts = 0;
      for (String profile : RankingProfiles.load().names()) {
        for (long member : new long[] {1, 2, 5, 7, 9, 10}) {
          for (String[] extra : new String[][] {{"page", "1"}, {"page", "2", "size", "7"},
              {"days", "60", "radius_km", "700"}, {"weights", "contacts_attending:6,starts_soon:0.5"}}) {
            List<String> params = new ArrayList<>(List.of("profile", profile, "explain", "true"));
            params.addAll(List.of(extra));
            String path = "/v1/members/" + member + "/events";
            Api.Response[] answers = inOneMinute(twoStages, inSolr, path, params);
            Api.Response expected = answers[0];
            String what = profile + " member " + member + " " + List.of(extra);
            items += assertSameAnswer(what, expected, answers[1]);
            for (JsonNode item : expected.body().path("items")) {
              withContacts += item.path("explain").path("contacts_attending").asDouble() > 0 ? 1 : 0;
            }
          }
        }
      }
      assertThat(items).isGreaterThan(500);
      assertThat(withContacts).as("items whose score counts contacts going").isGreaterThan(10);
    }
  }

  @Test
  void eventSearchRankedInsideSolrIsTheTwoStagesSearch() {
    try (Api twoStages = Api.start(comparing().withRankInSolr(RankInSolr.Mode.OFF));
        Api inSolr = Api.start(comparing())) {
      int items = 0;
      int textItems = 0;
      for (String profile : RankingProfiles.load().names()) {
        for (String q : new String[] {"", "hike", "chess night", "meetup"}) {
          for (String[] extra : new String[][] {{"page", "1"}, {"page", "2", "size", "7"}, {"viewer", "1"},
              {"viewer", "2", "near", "52.4,13.2", "radius_km", "40", "facets", "language,interest"},
              {"city", Long.toString(World.MUNICH), "lang", "de"},
              {"weights", "text:4,distance:2,popularity:0", "viewer", "7"}}) {
            List<String> params = new ArrayList<>(List.of("q", q, "profile", profile, "explain", "true"));
            params.addAll(List.of(extra));
            Api.Response[] answers = inOneMinute(twoStages, inSolr, "/v1/events/search", params);
            Api.Response expected = answers[0];
            Api.Response actual = answers[1];
            String what = profile + " q '" + q + "' " + List.of(extra);
            items += assertSameAnswer(what, expected, actual);
            assertThat(actual.body().path("facets")).as(what).isEqualTo(expected.body().path("facets"));
            for (JsonNode item : expected.body().path("items")) {
              textItems += item.path("explain").path("text").asDouble() > 0 ? 1 : 0;
            }
          }
        }
      }
      assertThat(items).isGreaterThan(1000);
      assertThat(textItems).as("items whose score has a text part").isGreaterThan(200);
    }
  }

  @Test
  void badWeightsAreA400NamingTheFieldOnEitherPath() {
    try (Api inSolr = Api.start(comparing())) {
      for (String[] params : new String[][] {{"weights", "starts_soon:-1"}, {"weights", "no_such_feature:1"},
          {"weights", "distance:1e9"}}) {
        for (String path : new String[] {"/v1/events/search", "/v1/members/1/events"}) {
          Api.Response response = inSolr.get(path, params);
          assertThat(response.status()).as(path + " " + List.of(params)).isEqualTo(400);
          assertThat(response.text()).as(path + " " + List.of(params)).contains("weights");
        }
      }
    }
  }

  /**
   * Both services' answers to one request, asked within one minute: each ranks at its request's
   * time truncated to the minute, and an event's soonness moves with it.
   */
  private static Api.Response[] inOneMinute(Api twoStages, Api inSolr, String path, List<String> params) {
    while (true) {
      long minute = Instant.now().truncatedTo(ChronoUnit.MINUTES).toEpochMilli();
      Api.Response expected = twoStages.get(path, params.toArray(String[]::new));
      Api.Response actual = inSolr.get(path, params.toArray(String[]::new));
      if (Instant.now().truncatedTo(ChronoUnit.MINUTES).toEpochMilli() == minute) {
        return new Api.Response[] {expected, actual};
      }
    }
  }

  /**
   * Both answers are 200 with the same events in the same order and the same total; each item has
   * the same score and explanation (to 1e-9: both read the same values, the point as Solr writes
   * it, into the same model), reasons and distance.
   *
   * @return how many items were compared
   */
  private static int assertSameAnswer(String what, Api.Response expected, Api.Response actual) {
    assertThat(expected.status()).as(what + ": " + expected.text()).isEqualTo(200);
    assertThat(actual.status()).as(what + ": " + actual.text()).isEqualTo(200);
    assertThat(actual.ids()).as(what).isNotEmpty().isEqualTo(expected.ids());
    assertThat(actual.total()).as(what).isEqualTo(expected.total());
    for (int i = 0; i < actual.ids().size(); i++) {
      JsonNode want = expected.body().path("items").get(i);
      JsonNode got = actual.body().path("items").get(i);
      String item = what + " item " + i;
      assertThat(got.path("score").asDouble()).as(item).isCloseTo(want.path("score").asDouble(), within(1e-9));
      assertThat(got.path("reasons")).as(item).isEqualTo(want.path("reasons"));
      assertThat(got.path("distance_km")).as(item).isEqualTo(want.path("distance_km"));
      assertThat(got.path("attendee_count")).as(item).isEqualTo(want.path("attendee_count"));
      List<String> features = new ArrayList<>();
      want.path("explain").fieldNames().forEachRemaining(features::add);
      List<String> gotFeatures = new ArrayList<>();
      got.path("explain").fieldNames().forEachRemaining(gotFeatures::add);
      assertThat(gotFeatures).as(item).isEqualTo(features);
      for (String feature : features) {
        assertThat(got.path("explain").path(feature).asDouble()).as(item + " " + feature)
            .isCloseTo(want.path("explain").path(feature).asDouble(), within(1e-9));
      }
    }
    return actual.ids().size();
  }

  /** A service on the test's cores, uncached (events too: a pair asked again in the next minute must not get a cached answer of the last), custom weights allowed, patient with a loaded machine. */
  private static QueryServiceConfig comparing() {
    IndexNames cores = new IndexNames(solr.members(), solr.events(), solr.catalog());
    return new QueryServiceConfig(0,
        SolrSettings.at(URI.create(solr.baseUrl())).withRequestTimeout(Duration.ofSeconds(60)), cores, Duration.ZERO,
        Duration.ZERO, 1_000, Duration.ofMinutes(10)).withRankingOverrides(true).withPrerank(PrerankForm.Mode.AUTO)
        .withCaches(new QueryServiceConfig.Caches(Duration.ZERO, Duration.ZERO, Duration.ZERO, Optional.empty(),
            Duration.ofMillis(200), Duration.ofMillis(50), 5, Duration.ofSeconds(10)));
  }

  /** An event in Berlin, Potsdam or Munich; some without a venue point, a capacity, interests or anyone going. */
  private static EventDetails event(long id, SplittableRandom random) {
    int city = random.nextInt(10) < 6 ? 0 : random.nextInt(1, 3);
    Double latitude = null;
    Double longitude = null;
    if (random.nextInt(5) > 0) {
      latitude = POINTS[city][0] + random.nextDouble(-0.2, 0.2);
      longitude = POINTS[city][1] + random.nextDouble(-0.3, 0.3);
    }
    // Most start within the next weeks, some started an hour or two ago and are still on.
    Instant starts = random.nextInt(12) == 0 ? NOW.minus(Duration.ofMinutes(random.nextLong(10, 120)))
        : NOW.plus(Duration.ofMinutes(random.nextLong(30, 45L * 24 * 60)));
    if (random.nextInt(8) == 0) {
      starts = NOW.plus(Duration.ofDays(random.nextInt(1, 20))).truncatedTo(ChronoUnit.DAYS); // ties in start
    }
    StringBuilder title = new StringBuilder();
    for (int w = random.nextInt(1, 4); w > 0; w--) {
      title.append(title.length() == 0 ? "" : " ").append(WORDS.get(random.nextInt(WORDS.size())));
    }
    List<Integer> interests = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      if (random.nextInt(3) == 0) {
        interests.add(i);
      }
    }
    List<Long> going = new ArrayList<>();
    for (long member : MEMBERS) {
      if (random.nextInt(6) == 0) {
        going.add(member);
      }
    }
    Integer capacity = random.nextInt(3) == 0 ? null : random.nextInt(2, 40);
    Event event = new Event(id, title.toString(), "Event " + id + " " + WORDS.get(random.nextInt(WORDS.size())),
        CITIES[city][0], random.nextBoolean() ? "Venue " + id : null, latitude, longitude, starts,
        starts.plus(Duration.ofHours(random.nextInt(1, 6))), LANGUAGES.get(random.nextInt(LANGUAGES.size())),
        500 + random.nextInt(50), capacity, Event.Status.PUBLISHED, NOW.minus(Duration.ofDays(30)), NOW, 1);
    return new EventDetails(event, interests, going, List.of());
  }
}
