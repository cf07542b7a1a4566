package com.expat.search.query.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.solr.common.SolrDocument;
import org.junit.jupiter.api.Test;

class CatalogNamesTest {
  private static SolrDocument city(long id, long popularity, String name, String... others) {
    SolrDocument doc = new SolrDocument(new java.util.HashMap<>(Map.of("id", "city:" + id, "type", "city", "entity_id", id,
        "name", name, "popularity", popularity)));
    doc.setField("alt_names", List.of(others));
    return doc;
  }

  private static SolrDocument interest(String slug, String name, String... synonyms) {
    SolrDocument doc = new SolrDocument(new java.util.HashMap<>(Map.of("id", "interest:" + slug, "type", "interest", "slug", slug,
        "entity_id", 7L, "name", name, "popularity", 10L)));
    doc.setField("alt_names", List.of(synonyms));
    return doc;
  }

  @Test
  void aCityNameInAnyLanguageFindsTheCityWhateverItsCaseAndAccents() {
    CatalogNames names = CatalogNames.of(List.of(city(1, 3_500_000, "Munich", "München", "Monaco di Baviera")));

    assertThat(names.city("munchen")).contains(1L);
    assertThat(names.city("munich")).contains(1L);
    assertThat(names.city("monaco di baviera")).contains(1L);
    assertThat(names.city("monaco")).isEmpty();
  }

  @Test
  void twoCitiesWithOneNameGiveTheMorePopulousAndOnATieTheLowerCatalogId() {
    CatalogNames names = CatalogNames.of(List.of(
        city(5, 20_000, "Frankfurt (Oder)", "Frankfurt"),
        city(4, 750_000, "Frankfurt am Main", "Frankfurt"),
        city(9, 1_000, "Springfield"),
        city(8, 1_000, "Springfield")));

    assertThat(names.city("frankfurt")).contains(4L);
    assertThat(names.city("frankfurt oder")).contains(5L);
    assertThat(names.city("springfield")).contains(8L);
  }

  @Test
  void anInterestIsFoundByItsNameOrASynonymAndCitiesAndInterestsDoNotMix() {
    CatalogNames names = CatalogNames.of(List.of(interest("hiking", "Hiking", "Wandern", "randonnée"),
        city(2, 100, "Hiking")));

    assertThat(names.interest("wandern")).contains("hiking");
    assertThat(names.interest("randonnee")).contains("hiking");
    assertThat(names.interest("hiking")).contains("hiking");
    assertThat(names.city("hiking")).contains(2L);
    assertThat(names.city("wandern")).isEmpty();
  }
}
