package com.expat.search.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.common.solr.IndexNames;
import com.expat.search.indexer.mapping.CatalogDocuments;
import com.expat.search.indexer.mapping.MemberDocuments;
import com.expat.search.indexer.world.Catalog;
import com.expat.search.indexer.world.City;
import com.expat.search.indexer.world.Interest;
import com.expat.search.indexer.world.Member;
import com.expat.search.indexer.world.MemberProfile;
import com.expat.search.indexer.world.SpokenLanguage;
import com.expat.search.indexer.world.WorldFiles;
import com.expat.search.testing.solr.SolrCores;
import com.expat.search.testing.solr.SolrExtension;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.solr.common.SolrInputDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Places and interests by the names expats type, in many scripts, against real Solr: the shipped
 * cities (GeoNames rows and alternate names) and interest translations, indexed as the indexer
 * indexes them.
 */
@ExtendWith(SolrExtension.class)
class PlacesIT {
  private static final String SUGGEST = "/v1/suggest";
  private static final Set<String> CITY_NAMES = Set.of("Munich", "Vienna", "Prague", "Köln", "Moscow", "Rome",
      "Beijing", "Cairo", "Mönchengladbach", "Yuncheng", "Hikone", "Berlin", "Wiener Neustadt", "Hiroshima");
  static final long MUNICH = 2867714;
  static final long VIENNA = 2761369;
  static final long COLOGNE = 2886242;
  private static Api api;

  @BeforeAll
  static void start(SolrCores solr) throws Exception {
    List<City> cities = new ArrayList<>();
    for (String[] f : WorldFiles.rows("cities.tsv", 8)) {
      if (CITY_NAMES.contains(f[1]) && !(f[1].equals("Berlin") && !f[3].equals("DE"))) {
        cities.add(new City(Long.parseLong(f[0]), f[1], f[2], f[3], Double.parseDouble(f[4]),
            Double.parseDouble(f[5]), Integer.parseInt(f[6]), f[7]));
      }
    }
    List<Interest> interests = List.of(new Interest(1, "hiking", "Hiking", "outdoors"),
        new Interest(2, "climbing", "Climbing", "outdoors"), new Interest(3, "photography", "Photography", "arts"),
        new Interest(4, "mountaineering", "Mountaineering", "outdoors"), new Interest(5, "cooking", "Cooking", "food"));
    Map<Integer, Integer> members = Map.of(1, 41_000, 2, 12_000, 3, 30_000, 4, 2_000, 5, 35_000);
    Catalog catalog = new Catalog(cities, interests);
    List<SolrInputDocument> docs = new ArrayList<>();
    cities.forEach(city -> docs.add(CatalogDocuments.city(city, 1)));
    interests.forEach(interest -> docs.add(CatalogDocuments.interest(interest, members.get(interest.id()), 1)));
    solr.client().add(solr.catalog(), docs);
    solr.client().commit(solr.catalog());

    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    List<SolrInputDocument> people = new ArrayList<>();
    long id = 1;
    // interest ids: 1 hiking, 2 climbing, 5 cooking
    for (Object[] m : new Object[][] {{"Hikaru Sato", 1862636L, 1}, {"Lena Wagner", MUNICH, 2},
        {"Jonas Huber", VIENNA, 1}, {"Mia Schmitz", COLOGNE, 5}}) {
      Member member = new Member(id++, (String) m[0], "Expat", null, null, (Long) m[1], "DE",
          Member.Membership.BASIC, true, Member.Status.ACTIVE, true, now, now.minus(30, ChronoUnit.DAYS), now, 1);
      people.add(MemberDocuments.document(new MemberProfile(member, List.of(new SpokenLanguage("de",
          SpokenLanguage.Level.NATIVE)), List.of((Integer) m[2]), List.of(), List.of()), catalog));
    }
    solr.client().add(solr.members(), people);
    solr.client().commit(solr.members());
    api = Api.start(solr.baseUrl(), new IndexNames(solr.members(), solr.events(), solr.catalog()),
        Duration.ofSeconds(30));
  }

  @AfterAll
  static void stop() {
    if (api != null) {
      api.close();
    }
  }

  private static JsonNode first(String... params) {
    Api.Response response = api.get(SUGGEST, params);
    assertThat(response.status()).isEqualTo(200);
    JsonNode items = response.body().path("items");
    assertThat(items.size()).as(String.join(" ", params)).isPositive();
    return items.get(0);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "München, Munich", "munchen, Munich", "Munchen, Munich", "MÜNCH, Munich", "Мюнхен, Munich", "ミュンヘン, Munich",
      "Wien, Vienna", "Vienne, Vienna", "Вена, Vienna",
      "Praha, Prague", "Prag, Prague",
      "Köln, Cologne", "koln, Cologne", "Cologne, Cologne", "Keulen, Cologne", "Кёльн, Cologne",
      "Москва, Moscow", "Moskva, Moscow", "Moskau, Moscow", "Moscou, Moscow",
      "Roma, Rome", "Rom, Rome", "北京, Beijing", "Pékin, Beijing", "peking, Beijing",
      "القاهرة, Cairo", "Kairo, Cairo", "Le Caire, Cairo"})
  void aCityIsFoundByTheNamesPeopleUseAndShownByItsEnglishName(String typed, String label) {
    JsonNode item = first("q", typed, "types", "city");
    assertThat(item.path("label").asText()).isEqualTo(label);
  }

  @Test
  void typedNamesOfOtherCitiesComeFirstOverLooseMatches() {
    // munchen used to offer Mönchengladbach and Yuncheng (one edit away), not Munich
    assertThat(first("q", "munchen").path("id").asLong()).isEqualTo(MUNICH);
    assertThat(first("q", "munchn").path("id").asLong()).isEqualTo(MUNICH);
    assertThat(first("q", "wien").path("id").asLong()).isEqualTo(VIENNA);
  }

  @Test
  void aPopularInterestComesBeforeASmallTownAndAPersonOfTheSamePrefix() {
    List<String> labels = new ArrayList<>();
    api.get(SUGGEST, "q", "hik").body().path("items").forEach(i -> labels.add(i.path("type").asText() + ":" + i.path("label").asText()));
    assertThat(labels).containsSubsequence("interest:Hiking", "city:Hikone");
    assertThat(labels.get(0)).isEqualTo("interest:Hiking");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"wandern, hiking", "randonnée, hiking", "senderismo, hiking", "Походы, hiking", "ハイキング, hiking",
      "徒步, hiking", "escalade, climbing", "Klettern, climbing", "fotografie, photography", "写真, photography",
      "kochen, cooking", "cucina, cooking", "الطبخ, cooking", "trekking, hiking"})
  void anInterestIsFoundByItsNameOrSynonymInTheNetworksLanguages(String typed, String slug) {
    assertThat(first("q", typed, "types", "interest").path("slug").asText()).isEqualTo(slug);
  }

  @ParameterizedTest(name = "{0}: {1} {2}")
  @CsvSource({"de, Munich, München", "ja, Munich, ミュンヘン", "ru, Munich, Мюнхен", "it, Munich, Monaco di Baviera",
      "es, Köln, Colonia", "en, Köln, Cologne", "cs, Köln, Cologne", "de, hiking, Wandern", "fr, hiking, Randonnée",
      "zh, hiking, 徒步", "ar, hiking, المشي لمسافات طويلة"})
  void labelsAreInTheAskersLanguageElseEnglish(String locale, String typed, String label) {
    assertThat(first("q", typed, "locale", locale).path("label").asText()).isEqualTo(label);
  }

  @Test
  void acceptLanguageChoosesTheLabelWhenLocaleIsAbsent() {
    Api.Response response = api.getWithHeaders(SUGGEST, Map.of("Accept-Language", "nl-BE, nl;q=0.9, en;q=0.5"),
        "q", "Köln", "types", "city");
    assertThat(response.body().path("items").get(0).path("label").asText()).isEqualTo("Keulen");
  }

  @ParameterizedTest(name = "city={0}")
  @CsvSource({"München, 2", "Munich, 2", "munchen, 2", "Мюнхен, 2", "Wien, 3", "Vienna, 3", "Вена, 3", "Köln, 4",
      "Cologne, 4", "Keulen, 4", "ケルン, 4", "2867714, 2"})
  void memberSearchTakesACityByAnyOfItsNames(String city, long member) {
    Api.Response response = api.get("/v1/members/search", "city", city);
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.ids()).containsExactly(member);
  }

  @Test
  void aNameNoCityHasIsABadRequestNamingCity() {
    Api.Response response = api.get("/v1/members/search", "city", "Atlantis");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body().path("invalid_params").toString()).contains("\"name\":\"city\"");
    assertThat(api.get("/v1/events/search", "city", "Atlantis").status()).isEqualTo(400);
    assertThat(api.get("/v1/events/search", "city", "Wien").status()).isEqualTo(200);
  }

  @Test
  void facetLabelsAreInTheAskersLanguage() {
    JsonNode facets = api.get("/v1/members/search", "facets", "city,language,interest", "locale", "de").body().path("facets");
    assertThat(facets.path("city").toString()).contains("\"label\":\"München\"", "\"label\":\"Köln\"");
    assertThat(facets.path("language").toString()).contains("\"label\":\"Deutsch\"");
    assertThat(facets.path("interest").toString()).contains("\"label\":\"Wandern\"", "\"label\":\"Klettern\"");
    JsonNode english = api.get("/v1/members/search", "facets", "city").body().path("facets");
    assertThat(english.path("city").toString()).contains("\"label\":\"Munich\"", "\"label\":\"Cologne\"");
  }

  @ParameterizedTest(name = "q={0}")
  @CsvSource(delimiter = '|', value = {"wandern | 1,3", "Randonnée | 1,3", "徒步 | 1,3", "hiking | 1,3", "trekking | 1,3",
      "escalade | 2", "Klettern | 2", "kochen | 4", "الطبخ | 4", "料理 | 4"})
  void memberSearchFindsAnInterestByItsNameInAnyLanguage(String q, String ids) {
    List<Long> expected = java.util.Arrays.stream(ids.split(",")).map(Long::parseLong).toList();
    assertThat(api.get("/v1/members/search", "q", q).ids()).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void textThatOnlyStartsWithAnInterestNameIsSearchedAsText() {
    assertThat(api.get("/v1/members/search", "q", "wandern gehen").ids()).isEmpty();
    assertThat(api.get("/v1/members/search", "q", "Lena").ids()).containsExactly(2L);
  }

  @ParameterizedTest(name = "q={0}")
  @CsvSource({"München, 2", "munich, 2", "Мюнхен, 2", "Wien, 3", "Keulen, 4", "ケルン, 4"})
  void memberSearchTextNamingACityFindsThePeopleLivingThere(String q, long member) {
    assertThat(api.get("/v1/members/search", "q", q).ids()).containsExactly(member);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({"ru, München, Мюнхен", "ar, Wien, فيينا", "de, Köln, Köln", "nl, Köln, Keulen", "en, Köln, Köln",
      "en, München, Munich"})
  void anItemsCityIsNamedInTheAskersLanguageAndByTheTableInEnglish(String locale, String city, String name) {
    JsonNode item = api.get("/v1/members/search", "city", city, "locale", locale).body().path("items").get(0);
    assertThat(item.path("city").path("name").asText()).isEqualTo(name);
  }
}
