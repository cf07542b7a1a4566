package com.expat.search.query.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.expat.search.common.solr.IndexNames;
import com.expat.search.indexer.mapping.CatalogDocuments;
import com.expat.search.indexer.mapping.EventDocuments;
import com.expat.search.indexer.mapping.MemberDocuments;
import com.expat.search.indexer.world.Catalog;
import com.expat.search.indexer.world.City;
import com.expat.search.indexer.world.Event;
import com.expat.search.indexer.world.EventDetails;
import com.expat.search.indexer.world.Interest;
import com.expat.search.indexer.world.Member;
import com.expat.search.indexer.world.MemberProfile;
import com.expat.search.indexer.world.SpokenLanguage.Level;
import com.expat.search.indexer.world.SpokenLanguage;
import com.expat.search.ranking.RankingProfiles;
import com.expat.search.testing.solr.SolrCores;
import com.expat.search.testing.solr.SolrExtension;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.solr.common.SolrInputDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The ranking model wired into the service, over a small Munich world where the right order is
 * obvious to a person. Mia (1) lives in Munich, speaks German and English, likes hiking, climbing
 * and jazz. Hugo (2): Munich, English only, a hiker. Nora (3): Munich, German, plays chess (nothing
 * in common with Mia). Kenji (4): Sydney, Japanese only, likes all Mia likes. Klara (5): Freising
 * (about 32 km), German, likes hiking and jazz. Every member is equally active and equally new.
 */
@ExtendWith(SolrExtension.class)
class RankingIT {
  static final long MUNICH = 2867714;
  static final long FREISING = 2924802;
  static final long SYDNEY = 2147714;
  static final Catalog CATALOG = new Catalog(
      List.of(
          new City(MUNICH, "München", "Munchen", "DE", 48.13743, 11.57549, 1260391, "Europe/Berlin"),
          new City(FREISING, "Freising", "Freising", "DE", 48.40351, 11.74876, 45223, "Europe/Berlin"),
          new City(SYDNEY, "Sydney", "Sydney", "AU", -33.86785, 151.20732, 4627345, "Australia/Sydney")),
      List.of(
          new Interest(1, "hiking", "Hiking", "outdoors"),
          new Interest(2, "climbing", "Climbing", "outdoors"),
          new Interest(3, "jazz", "Jazz", "music"),
          new Interest(4, "chess", "Chess", "games")));
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private static final String[][] ENDPOINTS_WITH_PARAMS = {
      {"/v1/members/1/matches"},
      {"/v1/members/search", "viewer", "1"},
      {"/v1/members/search", "viewer", "1", "q", "hello"},
      {"/v1/members/search", "viewer", "1", "sort", "distance"},
      {"/v1/members/search", "near", "48.14,11.58"},
      {"/v1/events/search", "viewer", "1"},
      {"/v1/events/search", "q", "jazz"},
      {"/v1/events/search", "viewer", "1", "sort", "date"},
      {"/v1/members/1/events"}};

  private static Api api;
  /** The same world served with RANKING_OVERRIDES=on. */
  private static Api custom;

  @BeforeAll
  static void start(SolrCores solr) throws Exception {
    List<SolrInputDocument> catalog = new ArrayList<>();
    CATALOG.cities().forEach(city -> catalog.add(CatalogDocuments.city(city, 1)));
    CATALOG.interests().forEach(interest -> catalog.add(CatalogDocuments.interest(interest, 1, 1)));
    solr.client().add(solr.catalog(), catalog);
    solr.client().commit(solr.catalog());

    List<SolrInputDocument> members = new ArrayList<>();
    members.add(member(1, "Mia Berg", MUNICH, List.of(de(Level.NATIVE), en(Level.FLUENT)), List.of(1, 2, 3)));
    members.add(member(2, "Hugo Hiker", MUNICH, List.of(en(Level.FLUENT)), List.of(1)));
    members.add(member(3, "Nora Schach", MUNICH, List.of(de(Level.NATIVE)), List.of(4)));
    members.add(member(4, "Kenji Sato", SYDNEY, List.of(new SpokenLanguage("ja", Level.NATIVE)), List.of(1, 2, 3)));
    members.add(member(5, "Klara Wald", FREISING, List.of(de(Level.NATIVE)), List.of(1, 3)));
    solr.client().add(solr.members(), members);
    solr.client().commit(solr.members());

    List<SolrInputDocument> events = new ArrayList<>();
    events.add(event(1, "Jazz brunch", MUNICH, 3, "de", List.of(3), List.of(2L)));
    events.add(event(2, "Chess open", MUNICH, 2, "de", List.of(4), List.of()));
    events.add(event(3, "Jazz in the park", FREISING, 6, "en", List.of(3), List.of()));
    events.add(event(4, "Harbour walk", SYDNEY, 1, "ja", List.of(1), List.of()));
    solr.client().add(solr.events(), events);
    solr.client().commit(solr.events());

    IndexNames cores = new IndexNames(solr.members(), solr.events(), solr.catalog());
    api = Api.start(solr.baseUrl(), cores, Duration.ofSeconds(60));
    custom = Api.start(Api.config(solr.baseUrl(), cores, Duration.ofSeconds(60)).withRankingOverrides(true));
  }

  @AfterAll
  static void stop() {
    if (api != null) {
      api.close();
    }
    if (custom != null) {
      custom.close();
    }
  }

  @Test
  void aHikerWhoSpeaksHerLanguageRanksBeforeANeighbourSharingNothing() {
    List<Long> ids = api.get("/v1/members/1/matches", "radius_km", "10").ids();
    assertThat(ids).containsExactly(2L, 3L);
  }

  @Test
  void aMemberFarAwaySpeakingNoCommonLanguageNeverAppears() {
    assertThat(api.get("/v1/members/1/matches", "radius_km", "1000").ids()).doesNotContain(4L, 1L);
    for (String profile : RankingProfiles.load().names()) {
      assertThat(api.get("/v1/members/1/matches", "profile", profile).ids()).as(profile).doesNotContain(4L, 1L);
    }
  }

  @Test
  void localFirstPutsTheNearbyStrangerFirstAndInterestsFirstTheKindredSpirit() {
    List<Long> local = api.get("/v1/members/1/matches", "profile", "local-first").ids();
    List<Long> interests = api.get("/v1/members/1/matches", "profile", "interests-first").ids();
    assertThat(local).containsSubsequence(3L, 5L);
    assertThat(interests).containsSubsequence(5L, 3L);
  }

  @Test
  void explainSumsToTheScoreForEveryItemUnderEveryProfile() {
    for (String profile : RankingProfiles.load().names()) {
      for (String[] endpoint : ENDPOINTS_WITH_PARAMS) {
        List<String> params = new ArrayList<>(List.of(endpoint).subList(1, endpoint.length));
        params.addAll(List.of("profile", profile, "explain", "true"));
        Api.Response response = api.get(endpoint[0], params.toArray(String[]::new));
        assertThat(response.status()).as(endpoint[0] + " " + params).isEqualTo(200);
        assertThat(response.body().path("items").size()).as(endpoint[0] + " " + params).isPositive();
        for (JsonNode item : response.body().path("items")) {
          double sum = 0;
          for (JsonNode value : item.path("explain")) {
            sum += value.asDouble();
          }
          assertThat(sum).as(endpoint[0] + " " + params + " " + item).isCloseTo(item.path("score").asDouble(), within(1e-9));
          assertThat(item.path("reasons").isArray()).as(item.toString()).isTrue();
        }
      }
    }
  }

  @Test
  void reasonsSayWhyForPeople() {
    JsonNode hugo = api.get("/v1/members/1/matches", "radius_km", "10", "explain", "true").body().path("items").get(0);
    assertThat(hugo.path("id").asLong()).isEqualTo(2L);
    assertThat(hugo.path("reasons").toString()).contains("1 shared interest: Hiking");
    assertThat(api.get("/v1/members/1/matches").body().path("items").get(0).has("reasons")).isFalse();
  }

  @Test
  void reasonsAndInterestNamesAreInTheAskersLanguageElseEnglish() {
    JsonNode de = api.get("/v1/members/1/matches", "radius_km", "10", "explain", "true", "locale", "de")
        .body().path("items").get(0);
    assertThat(de.path("reasons").toString()).contains("1 gemeinsames Interesse: Wandern");
    JsonNode ja = api.getWithHeaders("/v1/members/1/matches", java.util.Map.of("Accept-Language", "ja-JP,ja;q=0.9"),
        "radius_km", "10", "explain", "true").body().path("items").get(0);
    assertThat(ja.path("reasons").toString()).contains("共通の興味1件：ハイキング");
    JsonNode unknown = api.get("/v1/members/1/matches", "radius_km", "10", "explain", "true", "locale", "sv")
        .body().path("items").get(0);
    assertThat(unknown.path("reasons").toString()).contains("1 shared interest: Hiking");
    assertThat(api.get("/v1/members/1/matches", "locale", "'; DROP").status()).isEqualTo(400);
  }

  @Test
  void unknownProfileIsABadRequestListingTheKnownOnes() {
    for (String path : List.of("/v1/members/1/matches", "/v1/members/search", "/v1/events/search",
        "/v1/members/1/events")) {
      Api.Response response = api.get(path, "profile", "nope");
      assertThat(response.status()).as(path).isEqualTo(400);
      assertThat(response.header("Content-Type")).startsWith("application/problem+json");
      JsonNode invalid = response.body().path("invalid_params").get(0);
      assertThat(invalid.path("name").asText()).isEqualTo("profile");
      assertThat(invalid.path("reason").asText()).contains("default", "local-first", "interests-first");
    }
  }

  @Test
  void customWeightsReRankMatchesAndEachWeightingIsCachedApart() {
    // Nora is in Munich and shares nothing with Mia; Klara is 32 km away and shares hiking and jazz.
    String closeness = "distance:100,shared_interests:0,reciprocal_interests:0";
    String kinship = "distance:0,shared_interests:100";
    for (String cache : List.of("miss", "hit")) {
      Api.Response near = custom.get("/v1/members/1/matches", "radius_km", "50", "weights", closeness);
      Api.Response kindred = custom.get("/v1/members/1/matches", "radius_km", "50", "weights", kinship);
      assertThat(near.ids()).as(cache).containsSubsequence(3L, 5L);
      assertThat(kindred.ids()).as(cache).containsSubsequence(5L, 3L);
      assertThat(List.of(near.header("X-Cache"), kindred.header("X-Cache"))).containsOnly(cache);
    }
  }

  @Test
  void customWeightsReplaceTheProfilesInTheExplanation() {
    JsonNode first = custom.get("/v1/members/1/matches", "profile", "local-first", "weights", "newness:0,text:7",
        "explain", "true").body().path("items").get(0);
    assertThat(first.path("explain").path("newness").asDouble()).isZero();
    JsonNode event = custom.get("/v1/events/search", "viewer", "1", "weights", "starts_soon:0,popularity:0",
        "explain", "true").body().path("items").get(0);
    assertThat(event.path("explain").path("starts_soon").asDouble()).isZero();
    assertThat(event.path("explain").path("popularity").asDouble()).isZero();
  }

  @Test
  void customWeightsReRankEvents() {
    // The chess open is 2 days away and shares nothing with Mia; the jazz brunch is in 3 days, her interest.
    assertThat(custom.get("/v1/members/1/events", "weights", "starts_soon:100,interests:0,contacts_attending:0")
        .ids()).containsSubsequence(2L, 1L);
    assertThat(custom.get("/v1/members/1/events", "weights", "starts_soon:0,interests:100").ids())
        .containsSubsequence(1L, 2L);
  }

  @Test
  void customWeightsAreABadRequestWhenTheServiceDoesNotTakeThem() {
    for (String path : List.of("/v1/members/1/matches", "/v1/members/search", "/v1/events/search",
        "/v1/members/1/events")) {
      assertThat(invalidParam(api.get(path, "weights", "distance:1"), path).path("reason").asText())
          .contains("RANKING_OVERRIDES");
    }
  }

  @Test
  void unknownFeaturesAndWeightsOutOfRangeAreABadRequestNamingWeights() {
    for (String[] bad : new String[][] {{"/v1/members/1/matches", "charm:1"}, {"/v1/members/search", "distance:101"},
        {"/v1/events/search", "shared_interests:1"}, {"/v1/members/1/events", "popularity:-1"},
        {"/v1/members/1/matches", "distance:NaN"}, {"/v1/members/1/matches", "distance:1e400"}}) {
      assertThat(invalidParam(custom.get(bad[0], "weights", bad[1]), bad[0] + " " + bad[1]).path("name").asText())
          .isEqualTo("weights");
    }
  }

  /** The first invalid parameter of a problem+json 400. */
  private static JsonNode invalidParam(Api.Response response, String what) {
    assertThat(response.status()).as(what).isEqualTo(400);
    assertThat(response.header("Content-Type")).as(what).startsWith("application/problem+json");
    return response.body().path("invalid_params").get(0);
  }

  private static SpokenLanguage de(Level level) {
    return new SpokenLanguage("de", level);
  }

  private static SpokenLanguage en(Level level) {
    return new SpokenLanguage("en", level);
  }

  private static SolrInputDocument member(long id, String name, long city, List<SpokenLanguage> languages,
      List<Integer> interests) {
    Member member = new Member(id, name, "Hello", null, null, city, "DE", Member.Membership.BASIC, true,
        Member.Status.ACTIVE, true, NOW.minus(1, ChronoUnit.DAYS), NOW.minus(400, ChronoUnit.DAYS), NOW, 1);
    return MemberDocuments.document(new MemberProfile(member, languages, interests, List.of(), List.of()), CATALOG);
  }

  private static SolrInputDocument event(long id, String title, long city, int inDays, String language,
      List<Integer> interests, List<Long> going) {
    Instant starts = NOW.plus(Duration.ofDays(inDays));
    Event event = new Event(id, title, title + " in town", city, "Somewhere", null, null, starts,
        starts.plus(Duration.ofHours(3)), language, 100 + id, null, Event.Status.PUBLISHED,
        NOW.minus(Duration.ofDays(30)), NOW, 1);
    return EventDocuments.document(new EventDetails(event, interests, going, List.of()), CATALOG);
  }
}
