package com.expat.search.query.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.expat.search.common.solr.IndexNames;
import com.expat.search.testing.solr.SolrCores;
import com.expat.search.testing.solr.SolrExtension;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(SolrExtension.class)
class EventsIT {
  private static final String SEARCH = "/v1/events/search";
  private static Api api;

  @BeforeAll
  static void start(SolrCores solr) throws Exception {
    World.index(solr);
    EventWorld.index(solr);
    api = Api.start(solr.baseUrl(), new IndexNames(solr.members(), solr.events(), solr.catalog()),
        Duration.ofSeconds(30));
  }

  @AfterAll
  static void stop() {
    if (api != null) {
      api.close();
    }
  }

  @Test
  void searchShowsOnlyPublishedEventsNotYetEnded() {
    Api.Response response = api.get(SEARCH, "size", "100");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.ids()).containsExactlyInAnyOrder(1L, 2L, 3L, 5L, 7L, 8L, 9L);
    assertThat(response.total()).isEqualTo(7);
  }

  @Test
  void itemsCarryTheContractFields() {
    JsonNode item = api.get(SEARCH, "q", "grunewald", "city", Long.toString(World.BERLIN)).body().path("items").get(0);
    assertThat(item.path("id").asLong()).isEqualTo(1);
    assertThat(item.path("title").asText()).isEqualTo("Hiking in Grunewald");
    assertThat(item.path("city").path("id").asLong()).isEqualTo(World.BERLIN);
    assertThat(item.path("city").path("name").asText()).isEqualTo("Berlin");
    assertThat(item.path("city").path("country_code").asText()).isEqualTo("DE");
    assertThat(item.path("venue_name").asText()).isEqualTo("Grunewald station");
    assertThat(Instant.parse(item.path("starts_at").asText())).isEqualTo(EventWorld.days(2));
    assertThat(Instant.parse(item.path("ends_at").asText())).isEqualTo(EventWorld.days(2).plus(Duration.ofHours(3)));
    assertThat(item.path("language").asText()).isEqualTo("de");
    assertThat(item.path("interests").toString()).contains("hiking");
    assertThat(item.path("attendee_count").asInt()).isEqualTo(1);
    assertThat(item.path("capacity").asInt()).isEqualTo(20);
    assertThat(item.path("distance_km").asDouble()).isCloseTo(0, within(0.1));
    assertThat(item.path("score").isNumber()).isTrue();
    JsonNode unlimited = api.get(SEARCH, "q", "chess").body().path("items").get(0);
    assertThat(unlimited.has("capacity")).isTrue();
    assertThat(unlimited.path("capacity").isNull()).isTrue();
  }

  @Test
  void textMatchesTitleDescriptionAndVenueIgnoringAccents() {
    assertThat(api.get(SEARCH, "q", "cafe").ids()).containsExactlyInAnyOrder(2L, 9L);
    assertThat(api.get(SEARCH, "q", "SANSSOUCI").ids()).containsExactly(3L);
    assertThat(api.get(SEARCH, "q", "stammtisch").ids()).containsExactly(9L);
  }

  @Test
  void locationTimeLanguageAndInterestFilters() {
    assertThat(api.get(SEARCH, "city", Long.toString(World.BERLIN), "size", "50").ids())
        .containsExactlyInAnyOrder(1L, 2L, 5L, 8L);
    assertThat(api.get(SEARCH, "near", "52.39886,13.06566", "radius_km", "10").ids()).containsExactly(3L);
    assertThat(api.get(SEARCH, "from", EventWorld.days(4).minusSeconds(3600).toString(),
        "to", EventWorld.days(11).toString()).ids()).containsExactlyInAnyOrder(2L, 3L, 9L);
    assertThat(api.get(SEARCH, "lang", "FR").ids()).containsExactly(7L);
    assertThat(api.get(SEARCH, "interest", "chess").ids()).containsExactly(2L);
  }

  @Test
  void dateSortPutsTheSoonestFirst() {
    List<Instant> starts = new ArrayList<>();
    api.get(SEARCH, "sort", "date", "size", "100").body().path("items")
        .forEach(item -> starts.add(Instant.parse(item.path("starts_at").asText())));
    assertThat(starts).isSorted().hasSize(7);
  }

  @Test
  void explainSumsToTheScore() {
    for (String[] params : List.of(new String[] {"explain", "true", "viewer", "1"},
        new String[] {"explain", "true", "q", "hike", "viewer", "1"})) {
      JsonNode items = api.get(SEARCH, params).body().path("items");
      assertThat(items.size()).isPositive();
      items.forEach(item -> {
        double sum = 0;
        for (JsonNode value : item.path("explain")) {
          sum += value.asDouble();
        }
        assertThat(sum).isCloseTo(item.path("score").asDouble(), within(1e-4));
      });
    }
  }

  @Test
  void aViewerSeesEventsMatchingTheirInterestsLanguagesAndCityFirst() {
    List<Long> ids = api.get(SEARCH, "viewer", "1", "size", "100").ids();
    assertThat(ids.indexOf(1L)).isLessThan(ids.indexOf(7L));
    assertThat(api.get(SEARCH, "viewer", "999").status()).isEqualTo(404);
  }

  @Test
  void facetsCountWithLabels() {
    JsonNode facets = api.get(SEARCH, "facets", "true", "size", "1").body().path("facets");
    assertThat(facets.path("city").toString()).contains("\"value\":\"" + World.BERLIN + "\"", "\"label\":\"Berlin\"", "\"count\":4");
    assertThat(facets.path("language").toString()).contains("\"label\":\"German\"");
    assertThat(facets.path("interest").toString()).contains("\"label\":\"Hiking\"");
  }

  @Test
  void memberEventsAreNearInTheirLanguagesAndNeverOnesTheyAttend() {
    Api.Response response = api.get("/v1/members/1/events");
    assertThat(response.status()).isEqualTo(200);
    // 1: hiking, Dan (a contact) goes; 3: Potsdam, English. Not 2 (Çağlar goes), 5 (started),
    // 7 and 9 (too far), 8 (beyond 30 days), 4 (ended).
    assertThat(response.ids()).containsExactly(1L, 3L);
    assertThat(api.get("/v1/members/1/events", "days", "90").ids()).containsExactlyInAnyOrder(1L, 3L, 8L);
    // Pierre goes to the only event near Paris.
    assertThat(api.get("/v1/members/3/events", "radius_km", "50").ids()).isEmpty();
  }

  @Test
  void memberEventsExplainSumsToTheScore() {
    api.get("/v1/members/1/events", "explain", "true").body().path("items").forEach(item -> {
      double sum = 0;
      for (JsonNode value : item.path("explain")) {
        sum += value.asDouble();
      }
      assertThat(sum).isCloseTo(item.path("score").asDouble(), within(1e-4));
      assertThat(item.path("explain").has("contacts_attending")).isTrue();
    });
  }

  @Test
  void unknownOrInactiveMembersHaveNoEvents() {
    Api.Response response = api.get("/v1/members/999999/events");
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v1/events/search?from=yesterday", "/v1/events/search?from=2026-12-01&to=2026-11-01",
      "/v1/events/search?sort=cheapest", "/v1/events/search?facets=origin", "/v1/events/search?size=101",
      "/v1/events/search?lang=german", "/v1/members/1/events?days=0", "/v1/members/1/events?days=366",
      "/v1/members/x/events", "/v1/members/1/events?radius_km=0"})
  void badParametersAreNamed(String path) {
    Api.Response response = api.getRaw(path);
    assertThat(response.status()).as(path).isEqualTo(400);
    String name = path.contains("from=yesterday") ? "from" : path.contains("to=") ? "to"
        : path.contains("sort") ? "sort" : path.contains("facets") ? "facets" : path.contains("size") ? "size"
        : path.contains("lang") ? "lang" : path.contains("days") ? "days" : path.contains("/x/") ? "id" : "radius_km";
    assertThat(response.body().path("invalid_params").toString()).as(path).contains("\"name\":\"" + name + "\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"*:*", "{!xmlparser v='<a/>'}", "title:*", "[* TO *]", "\"unbalanced (quote", "cafe)"})
  void querySyntaxIsNeverInterpreted(String text) {
    Api.Response response = api.get(SEARCH, "q", text);
    assertThat(response.status()).isIn(200, 400);
    if (response.status() == 200) {
      String words = text.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
      long plain = words.isEmpty() ? 0 : api.get(SEARCH, "q", words).total();
      assertThat(response.total()).isLessThanOrEqualTo(plain);
    }
  }

  @Test
  void hostileInputIsNeverAServerError() {
    assertThat(api.get(SEARCH, "q", "x".repeat(10_000)).status()).isEqualTo(400);
    assertThat(api.get(SEARCH, "q", "caf\u0000e\u0007").status()).isEqualTo(200);
    assertThat(api.getRaw(SEARCH + "?q=%C3%28%FF").status()).isIn(200, 400);
    assertThat(api.getRaw("/v1/members/1/events?days=%FF").status()).isEqualTo(400);
  }
}
