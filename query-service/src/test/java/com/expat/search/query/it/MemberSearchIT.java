package com.expat.search.query.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.expat.search.common.solr.IndexNames;
import com.expat.search.testing.solr.SolrCores;
import com.expat.search.testing.solr.SolrExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(SolrExtension.class)
class MemberSearchIT {
  private static final String SEARCH = "/v1/members/search";
  private static Api api;

  @BeforeAll
  static void start(SolrCores solr) throws Exception {
    World.index(solr);
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
  void accentsAndCaseDoNotMatter() {
    assertThat(api.get(SEARCH, "q", "caglar sao").ids()).containsExactly(1L);
    assertThat(api.get(SEARCH, "q", "ÇAĞLAR").ids()).containsExactly(1L);
    assertThat(api.get(SEARCH, "q", "muller").ids()).containsExactly(2L);
    assertThat(api.get(SEARCH, "q", "MÜLLER").ids()).containsExactly(2L);
  }

  @Test
  void itemsCarryTheContractFields() {
    Api.Response response = api.get(SEARCH, "q", "Anna Müller", "city", Long.toString(World.BERLIN));
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Content-Type")).startsWith("application/json");
    JsonNode item = response.body().path("items").get(0);
    assertThat(item.path("id").isNumber()).isTrue();
    assertThat(item.path("id").asLong()).isEqualTo(2);
    assertThat(item.path("display_name").asText()).isEqualTo("Anna Müller");
    assertThat(item.path("headline").asText()).isEqualTo("Photographer, loves hiking");
    assertThat(item.has("occupation")).isTrue();
    assertThat(item.path("city").path("id").asLong()).isEqualTo(World.BERLIN);
    assertThat(item.path("city").path("name").asText()).isEqualTo("Berlin");
    assertThat(item.path("city").path("country_code").asText()).isEqualTo("DE");
    assertThat(item.path("origin_country").asText()).isEqualTo("DE");
    assertThat(item.path("languages").get(0).path("code").asText()).isEqualTo("de");
    assertThat(item.path("languages").get(0).path("level").asText()).isEqualTo("native");
    assertThat(item.path("interests").toString()).contains("hiking", "photography");
    assertThat(item.path("distance_km").asDouble()).isCloseTo(0, within(0.1));
    assertThat(item.path("score").isNumber()).isTrue();
    assertThat(response.body().path("page").asInt()).isEqualTo(1);
    assertThat(response.body().path("size").asInt()).isEqualTo(20);
  }

  @Test
  void anAnswerAskedForGzipComesGzipped_andReadsAsTheSameAnswer() throws Exception {
    HttpResponse<byte[]> zipped = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.service().port() + SEARCH + "?size=100"))
            .header("Accept-Encoding", "gzip").GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    Api.Response plain = api.get(SEARCH, "size", "100");

    assertThat(zipped.statusCode()).isEqualTo(200);
    assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(plain.header("Content-Encoding")).isNull();
    byte[] json;
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
      json = in.readAllBytes();
    }
    assertThat(new ObjectMapper().readTree(json)).isEqualTo(plain.body());
    assertThat(plain.ids()).hasSize(34);
    assertThat(zipped.body().length).isLessThan(json.length / 2);
  }

  @Test
  void nonSearchableMembersAreNeverShown() {
    assertThat(api.get(SEARCH, "q", "hidden").total()).isZero();
    assertThat(api.get(SEARCH, "q", "anna").ids()).containsExactly(2L);
    assertThat(api.get(SEARCH, "size", "100").ids()).doesNotContain(4L).hasSize(34);
  }

  @Test
  void geoRadiusAroundAPoint() {
    List<Long> within10 = api.get(SEARCH, "near", "52.52,13.405", "radius_km", "10", "size", "100").ids();
    assertThat(within10).containsExactlyInAnyOrder(1L, 2L, 6L, 7L, 8L);
    List<Long> within50 = api.get(SEARCH, "near", "52.52,13.405", "radius_km", "50", "size", "100").ids();
    assertThat(within50).containsExactlyInAnyOrder(1L, 2L, 5L, 6L, 7L, 8L, 10L);
  }

  @Test
  void distanceSortPutsTheNearestFirst() {
    Api.Response response = api.get(SEARCH, "near", "52.39886,13.06566", "radius_km", "1000", "sort", "distance",
        "size", "100");
    List<Double> distances = new ArrayList<>();
    response.body().path("items").forEach(item -> distances.add(item.path("distance_km").asDouble()));
    assertThat(distances).isSorted().hasSize(34);
    assertThat(distances.get(0)).isCloseTo(0, within(0.1));
  }

  @Test
  void cityFilterMeasuresFromTheCity() {
    Api.Response response = api.get(SEARCH, "city", Long.toString(World.POTSDAM));
    assertThat(response.ids()).containsExactlyInAnyOrder(5L, 10L);
    response.body().path("items").forEach(item -> assertThat(item.path("distance_km").asDouble()).isZero());
    assertThat(api.get(SEARCH, "city", Long.toString(World.BERLIN), "radius_km", "40", "size", "100").ids())
        .contains(5L, 10L, 1L);
  }

  @Test
  void languageInterestAndOriginFilters() {
    assertThat(api.get(SEARCH, "lang", "IT").ids()).containsExactlyInAnyOrder(6L, 10L);
    assertThat(api.get(SEARCH, "lang", "it", "lang", "es").ids()).containsExactlyInAnyOrder(6L, 8L, 10L);
    assertThat(api.get(SEARCH, "interest", "chess").ids()).containsExactlyInAnyOrder(1L, 5L, 10L);
    assertThat(api.get(SEARCH, "origin", "tr").ids()).containsExactly(1L);
    assertThat(api.get(SEARCH, "origin", "it", "interest", "chess").ids()).containsExactly(10L);
  }

  @Test
  void pagesCountTheWholeResult() {
    Api.Response third = api.get(SEARCH, "q", "filler", "size", "10", "page", "3");
    assertThat(third.total()).isEqualTo(25);
    assertThat(third.ids()).hasSize(5);
    List<Long> all = new ArrayList<>();
    for (int page = 1; page <= 3; page++) {
      all.addAll(api.get(SEARCH, "q", "filler", "size", "10", "page", Integer.toString(page)).ids());
    }
    assertThat(all).doesNotHaveDuplicates().hasSize(25);
  }

  @Test
  void facetsCountTheWholeResultWithLabels() {
    Api.Response response = api.get(SEARCH, "facets", "true", "size", "1");
    JsonNode facets = response.body().path("facets");
    assertThat(find(facets.path("city"), String.valueOf(World.PARIS)).path("label").asText()).isEqualTo("Paris");
    assertThat(find(facets.path("city"), String.valueOf(World.PARIS)).path("count").asLong()).isEqualTo(26);
    assertThat(find(facets.path("language"), "de").path("label").asText()).isEqualTo("German");
    assertThat(find(facets.path("interest"), "hiking").path("label").asText()).isEqualTo("Hiking");
    assertThat(find(facets.path("origin"), "DE").path("label").asText()).isEqualTo("Germany");
    assertThat(find(facets.path("origin"), "DE").path("count").asLong()).isEqualTo(2);

    JsonNode onlyCity = api.get(SEARCH, "facets", "city", "lang", "de").body().path("facets");
    assertThat(onlyCity.has("language")).isFalse();
    assertThat(find(onlyCity.path("city"), String.valueOf(World.BERLIN)).path("count").asLong()).isEqualTo(3);
  }

  @Test
  void viewerBlocksApplyBothWays() {
    List<Long> seenByCaglar = api.get(SEARCH, "viewer", "1", "size", "100").ids();
    assertThat(seenByCaglar).doesNotContain(1L, 5L, 6L, 4L).contains(2L, 7L, 8L);
    assertThat(api.get(SEARCH, "viewer", "5", "size", "100").ids()).doesNotContain(1L, 5L).contains(2L);
    assertThat(api.get(SEARCH, "viewer", "6", "size", "100").ids()).doesNotContain(1L, 6L);
  }

  @Test
  void nonSearchableViewerStillSearches() {
    assertThat(api.get(SEARCH, "viewer", "4", "q", "anna").ids()).containsExactly(2L);
  }

  @Test
  void unknownViewerIsNotFound() {
    Api.Response response = api.get(SEARCH, "viewer", "999999");
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.body().path("status").asInt()).isEqualTo(404);
  }

  @Test
  void explainSumsToTheScore() {
    for (String[] params : List.of(
        new String[] {"q", "hiking", "viewer", "2", "explain", "true"},
        new String[] {"viewer", "2", "explain", "true", "size", "50"},
        new String[] {"near", "52.5,13.4", "explain", "true"})) {
      Api.Response response = api.get(SEARCH, params);
      assertThat(response.ids()).isNotEmpty();
      response.body().path("items").forEach(item -> {
        double sum = 0;
        for (JsonNode value : item.path("explain")) {
          sum += value.asDouble();
        }
        assertThat(sum).as(item.toString()).isCloseTo(item.path("score").asDouble(), within(1e-6));
      });
    }
  }

  @Test
  void viewerPersonalizesTheRanking() {
    // Çağlar shares Berlin, German, English and hiking with Anna: she outranks the Paris chef.
    List<Long> ranked = api.get(SEARCH, "viewer", "1", "size", "100").ids();
    assertThat(ranked.indexOf(2L)).isLessThan(ranked.indexOf(3L));
  }

  @Test
  void secondIdenticalRequestIsACacheHit() {
    Api.Response first = api.get(SEARCH, "q", "anna", "lang", "de,en");
    Api.Response second = api.get(SEARCH, "lang", "EN", "lang", "de", "q", " anna ");
    assertThat(first.header("X-Cache")).isEqualTo("miss");
    assertThat(second.header("X-Cache")).isEqualTo("hit");
    assertThat(second.body()).isEqualTo(first.body());
  }

  @Test
  void requestIdIsEchoedOrGenerated() {
    assertThat(api.get(SEARCH).header("X-Request-Id")).isNotBlank();
    assertThat(api.get("/health/live").header("X-Request-Id")).isNotBlank();
  }

  @Test
  void badParametersAreProblemsNamingEachOne() {
    Api.Response response = api.get(SEARCH, "size", "0", "lang", "english", "sort", "best", "near", "x");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.body().path("type").asText()).isNotBlank();
    assertThat(response.body().path("title").asText()).isNotBlank();
    assertThat(response.body().path("detail").asText()).isNotBlank();
    List<String> names = new ArrayList<>();
    response.body().path("invalid_params").forEach(p -> names.add(p.path("name").asText()));
    assertThat(names).containsExactlyInAnyOrder("size", "lang", "sort", "near");
  }

  @Test
  void malformedQueryStringsAndUnknownPathsAreProblemsNotErrors() {
    assertThat(api.getRaw(SEARCH + "?q=%C3%28%FF").status()).isIn(200, 400);
    assertThat(api.getRaw(SEARCH + "?size=%FF").status()).isEqualTo(400);
    Api.Response unknown = api.getRaw("/v1/nothing-here");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{!xmlparser v='<a/>'}", "*:*", "display_name:x", "[* TO *]", "\"unbalanced", "(unbalanced", "a]",
      "_query_:\"{!lucene}*:*\"", "id:1 OR id:2", "anna OR *:*", "NOT anna", "anna~2", "ann*",
      "{!terms f=id}1,2,3", "searchable:false", "\\", "&& || !"})
  void injectionNeverWidensTheResult(String text) {
    Api.Response response = api.get(SEARCH, "q", text, "size", "100");
    assertThat(response.status()).as(response.text()).isIn(200, 400);
    if (response.status() == 200) {
      assertThat(response.total()).as(text).isZero();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"-anna", "+anna", "(anna)", "\"anna\"", "anna:", "{anna}"})
  void syntaxAroundAWordFindsExactlyWhatTheWordFinds(String text) {
    assertThat(api.get(SEARCH, "q", text).ids()).as(text).containsExactly(2L);
  }

  @Test
  void onlyControlCharactersCountAsNoText() {
    assertThat(api.get(SEARCH, "q", "\u0000\u0001\u001f", "size", "1").total())
        .isEqualTo(api.get(SEARCH, "size", "1").total());
  }

  @Test
  void controlCharactersAroundWordsStillFindTheWords() {
    Api.Response response = api.get(SEARCH, "q", "\u0001anna\u0007");
    assertThat(response.status()).isIn(200, 400);
    if (response.status() == 200) {
      assertThat(response.ids()).containsExactly(2L);
    }
  }

  @Test
  void tenKilobytesOfTextIsABadRequest() {
    Api.Response response = api.get(SEARCH, "q", "a".repeat(10_000));
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body().path("invalid_params").get(0).path("name").asText()).isEqualTo("q");
  }

  private static JsonNode find(JsonNode counts, String value) {
    for (JsonNode count : counts) {
      if (count.path("value").asText().equals(value)) {
        return count;
      }
    }
    throw new AssertionError(value + " not in " + counts);
  }
}
