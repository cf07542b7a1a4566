package com.expat.search.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.common.solr.IndexNames;
import com.expat.search.testing.solr.SolrCores;
import com.expat.search.testing.solr.SolrExtension;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(SolrExtension.class)
class SuggestIT {
  private static final String SUGGEST = "/v1/suggest";
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

  private static List<String> labels(Api.Response response) {
    List<String> labels = new ArrayList<>();
    response.body().path("items").forEach(item -> labels.add(item.path("type").asText() + ":" + item.path("label").asText()));
    return labels;
  }

  @Test
  void citiesByPrefixIgnoringAccentsAndCase() {
    assertThat(labels(api.get(SUGGEST, "q", "mün", "types", "city"))).containsExactly("city:München");
    assertThat(labels(api.get(SUGGEST, "q", "MUN", "types", "city"))).containsExactly("city:München");
    assertThat(labels(api.get(SUGGEST, "q", "p", "types", "city"))).containsExactly("city:Paris", "city:Potsdam");
  }

  @Test
  void itemsHaveTheDocumentedShapePerType() {
    JsonNode city = api.get(SUGGEST, "q", "berl", "types", "city").body().path("items").get(0);
    assertThat(city.path("type").asText()).isEqualTo("city");
    assertThat(city.path("id").asLong()).isEqualTo(World.BERLIN);
    assertThat(city.path("label").asText()).isEqualTo("Berlin");
    assertThat(city.path("country_code").asText()).isEqualTo("DE");
    JsonNode interest = api.get(SUGGEST, "q", "pho", "types", "interest").body().path("items").get(0);
    assertThat(interest.path("type").asText()).isEqualTo("interest");
    assertThat(interest.path("slug").asText()).isEqualTo("photography");
    assertThat(interest.path("label").asText()).isEqualTo("Photography");
    JsonNode member = api.get(SUGGEST, "q", "anna m", "types", "member").body().path("items").get(0);
    assertThat(member.path("type").asText()).isEqualTo("member");
    assertThat(member.path("id").asLong()).isEqualTo(2);
    assertThat(member.path("label").asText()).isEqualTo("Anna Müller");
    assertThat(member.path("city").path("name").asText()).isEqualTo("Berlin");
  }

  @Test
  void everyTypeByDefaultWithinSize() {
    Api.Response response = api.get(SUGGEST, "q", "p");
    assertThat(labels(response)).contains("city:Paris", "interest:Photography", "member:Pierre Dupont");
    assertThat(api.get(SUGGEST, "q", "f", "size", "3").body().path("items").size()).isEqualTo(3);
  }

  @Test
  void typosAreToleratedMoreAsTheWordGrows() {
    assertThat(labels(api.get(SUGGEST, "q", "munchn", "types", "city"))).containsExactly("city:München");
    assertThat(labels(api.get(SUGGEST, "q", "photograhpy", "types", "interest"))).containsExactly("interest:Photography");
    assertThat(labels(api.get(SUGGEST, "q", "mulller", "types", "member"))).containsExactly("member:Anna Müller");
    assertThat(labels(api.get(SUGGEST, "q", "parx", "types", "city"))).containsExactly("city:Paris");
    assertThat(api.get(SUGGEST, "q", "pax", "types", "city").body().path("items").size()).isZero();
  }

  @Test
  void membersOnlyUnderThePrivacyRules() {
    assertThat(labels(api.get(SUGGEST, "q", "anna", "types", "member"))).containsExactly("member:Anna Müller");
    assertThat(labels(api.get(SUGGEST, "q", "bob", "types", "member"))).containsExactly("member:Bob Blocker");
    assertThat(labels(api.get(SUGGEST, "q", "bob", "types", "member", "viewer", "1"))).isEmpty();
    // Carla blocks Çağlar on her side only: her document enforces it.
    assertThat(labels(api.get(SUGGEST, "q", "carla", "types", "member", "viewer", "1"))).isEmpty();
    assertThat(labels(api.get(SUGGEST, "q", "carla", "types", "member"))).containsExactly("member:Carla Stale");
    assertThat(labels(api.get(SUGGEST, "q", "cag", "types", "member", "viewer", "1"))).isEmpty();
    assertThat(api.get(SUGGEST, "q", "anna", "viewer", "999").status()).isEqualTo(404);
  }

  @ParameterizedTest
  @ValueSource(strings = {"*:*", "{!xmlparser v='<a/>'}", "display_name:*", "[* TO *]", "\"unbalanced (quote",
      "name_suggest:b*", "b*", "berl~2"})
  void querySyntaxIsNeverInterpreted(String text) {
    Api.Response response = api.get(SUGGEST, "q", text);
    assertThat(response.status()).isIn(200, 400);
    if (response.status() == 200) {
      String words = text.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
      int plain = words.isEmpty() ? 0 : api.get(SUGGEST, "q", words).body().path("items").size();
      assertThat(response.body().path("items").size()).as(text).isLessThanOrEqualTo(plain);
    }
  }

  @Test
  void badParametersAreNamed() {
    assertThat(api.getRaw(SUGGEST).body().path("invalid_params").toString()).contains("\"name\":\"q\"");
    assertThat(api.get(SUGGEST, "q", "x".repeat(10_000)).body().path("invalid_params").toString()).contains("\"name\":\"q\"");
    assertThat(api.get(SUGGEST, "q", "be", "types", "city,planet").body().path("invalid_params").toString())
        .contains("\"name\":\"types\"");
    assertThat(api.get(SUGGEST, "q", "be", "size", "0").status()).isEqualTo(400);
    assertThat(api.get(SUGGEST, "q", "be\u0000\u0001").status()).isEqualTo(200);
    assertThat(api.getRaw(SUGGEST + "?q=%C3%28%FF").status()).isIn(200, 400);
  }
}
