package com.expat.search.solr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.expat.search.testing.solr.SolrCores;
import com.expat.search.testing.solr.SolrExtension;
import com.expat.search.vocabulary.CatalogFields;
import com.expat.search.vocabulary.EventFields;
import com.expat.search.vocabulary.MemberFields;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.response.FacetField;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrInputDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Exact fields of configset expat: geo filters, facets, the privacy filter, strictness. */
@ExtendWith(SolrExtension.class)
class FiltersAndFacetsIT {
  private static final String BERLIN = "52.5200,13.4050";
  private static final String POTSDAM = "52.3906,13.0645";
  private static final String PARIS = "48.8566,2.3522";

  private final SolrCores cores;
  private final SolrClient client;

  FiltersAndFacetsIT(SolrCores cores) {
    this.cores = cores;
    this.client = cores.client();
  }

  @BeforeAll
  static void index(SolrCores cores) throws Exception {
    cores.client().add(cores.members(), List.of(
        member("1", BERLIN, true, List.of("de", "en"), List.of("hiking", "chess")),
        member("2", POTSDAM, true, List.of("en", "fr"), List.of("hiking")),
        member("3", PARIS, true, List.of("fr"), List.of("cooking")),
        member("4", BERLIN, false, List.of("de"), List.of("chess")),
        connectedMember()));
    cores.client().commit(cores.members());
  }

  @Test
  void geofiltKeepsOnlyMembersWithinTheRadius() throws Exception {
    SolrQuery query = members()
        .addFilterQuery("{!geofilt sfield=location pt=" + BERLIN + " d=50}")
        .addSort("geodist(location," + BERLIN + ")", SolrQuery.ORDER.asc);
    assertThat(ids(query)).containsExactly("1", "2");
  }

  @Test
  void distanceIsComputedForEachMember() throws Exception {
    SolrQuery query = members()
        .addFilterQuery("id:2")
        .setFields("id", "distance_km:geodist(location," + BERLIN + ")");
    double km = ((Number) client.query(cores.members(), query).getResults().get(0)
        .getFieldValue("distance_km")).doubleValue();
    assertThat(km).isBetween(25.0, 30.0);
  }

  @Test
  void theLanguageFilterFromOneSetPerLanguageFindsWhomSolrsTermsFilterFinds() throws Exception {
    // SharedLanguages: what a ranked matches request's {!terms f=languages v=$shared_languages} becomes.
    for (String languages : List.of("de", "fr", "de,fr", "en,fr", "fr,de,en", "xx", "de,xx")) {
      SolrQuery solrs = members().addFilterQuery("{!terms f=" + MemberFields.LANGUAGES + " v=$l}");
      SolrQuery ours = members().addFilterQuery("{!expat_languages cache=false f=" + MemberFields.LANGUAGES + " v=$l}");
      solrs.set("l", languages);
      ours.set("l", languages);
      assertThat(ids(ours)).as(languages).containsExactlyInAnyOrderElementsOf(ids(solrs));
    }
    SolrQuery ours = members().addFilterQuery("{!expat_languages cache=false f=" + MemberFields.LANGUAGES + " v=$l}");
    ours.set("l", "de,fr");
    assertThat(ids(ours)).containsExactlyInAnyOrder("1", "2", "3");
  }

  @Test
  void languageAndInterestFacetsCountTheWholeResult() throws Exception {
    SolrQuery query = members().setRows(0).setFacet(true)
        .addFacetField(MemberFields.LANGUAGES, MemberFields.INTERESTS);
    QueryResponse response = client.query(cores.members(), query);

    assertThat(counts(response.getFacetField(MemberFields.LANGUAGES)))
        .isEqualTo(Map.of("de", 1L, "en", 2L, "fr", 2L));
    assertThat(counts(response.getFacetField(MemberFields.INTERESTS)))
        .isEqualTo(Map.of("hiking", 2L, "chess", 1L, "cooking", 1L));
  }

  @Test
  void privacyFilterHidesMembersWhoOptedOut() throws Exception {
    assertThat(ids(members())).containsExactlyInAnyOrder("1", "2", "3", "9");
  }

  @Test
  void multiValuedExactFieldsFilter() throws Exception {
    assertThat(ids(members().addFilterQuery("languages:fr"))).containsExactlyInAnyOrder("2", "3");
    assertThat(ids(members().addFilterQuery("{!terms f=interests}cooking,chess")))
        .containsExactlyInAnyOrder("1", "3");
  }

  @Test
  void blockedAndContactIdsFilterBothWays() throws Exception {
    assertThat(ids(members().addFilterQuery("-blocked_ids:42"))).doesNotContain("9");
    assertThat(ids(members().addFilterQuery("contact_ids:7"))).containsExactly("9");
  }

  @Test
  void unknownFieldIsRejected() {
    SolrInputDocument doc = member("x", BERLIN, true, List.of(), List.of());
    doc.setField("nickname", "nope");
    assertThatThrownBy(() -> client.add(cores.members(), doc)).hasMessageContaining("nickname");
  }

  @Test
  void eventsSortByStartAndFilterByDate() throws Exception {
    client.add(cores.events(), List.of(
        event("e1", "Stammtisch", "2030-01-10T18:00:00Z"),
        event("e2", "Hiking trip", "2030-01-05T09:00:00Z"),
        event("e3", "Old party", "2020-01-05T09:00:00Z")));
    client.commit(cores.events());

    SolrQuery upcoming = new SolrQuery("*:*")
        .addFilterQuery(EventFields.ENDS_AT + ":[NOW TO *]")
        .addSort(EventFields.STARTS_AT, SolrQuery.ORDER.asc)
        .setFields("id");
    assertThat(client.query(cores.events(), upcoming).getResults().stream()
        .map(d -> d.getFieldValue("id"))).containsExactly("e2", "e1");
  }

  @Test
  void catalogSuggestsCitiesByPopularity() throws Exception {
    client.add(cores.catalog(), List.of(
        city(2950159, "Berlin", 3_426_354), city(2867714, "München", 1_260_391),
        city(2825297, "Stuttgart", 589_793)));
    client.commit(cores.catalog());

    SolrQuery suggest = new SolrQuery("mu")
        .setParam("defType", "edismax").setParam("qf", CatalogFields.NAME_SUGGEST)
        .addFilterQuery(CatalogFields.TYPE + ":city")
        .addSort(CatalogFields.POPULARITY, SolrQuery.ORDER.desc)
        .setFields(CatalogFields.NAME);
    assertThat(client.query(cores.catalog(), suggest).getResults().stream()
        .map(d -> d.getFieldValue(CatalogFields.NAME))).containsExactly("München");
  }

  private SolrQuery members() {
    return new SolrQuery("*:*").addFilterQuery(MemberFields.SEARCHABLE + ":true")
        .setFields("id").setRows(100);
  }

  private List<String> ids(SolrQuery query) throws Exception {
    return client.query(cores.members(), query).getResults().stream()
        .map(doc -> (String) doc.getFieldValue("id"))
        .toList();
  }

  private static Map<String, Long> counts(FacetField facet) {
    return facet.getValues().stream()
        .filter(count -> count.getCount() > 0)
        .collect(Collectors.toMap(FacetField.Count::getName, FacetField.Count::getCount));
  }

  private static SolrInputDocument member(
      String id, String location, boolean searchable, List<String> languages, List<String> interests) {
    SolrInputDocument doc = new SolrInputDocument();
    doc.setField(MemberFields.ID, id);
    doc.setField(MemberFields.VERSION, 1L);
    doc.setField(MemberFields.DISPLAY_NAME, "Member " + id);
    doc.setField(MemberFields.LOCATION, location);
    doc.setField(MemberFields.SEARCHABLE, searchable);
    if (!languages.isEmpty()) {
      doc.setField(MemberFields.LANGUAGES, languages);
    }
    if (!interests.isEmpty()) {
      doc.setField(MemberFields.INTERESTS, interests);
    }
    return doc;
  }

  /** Member 9 blocks or is blocked by 42 and 43, and is a contact of 7. */
  private static SolrInputDocument connectedMember() {
    SolrInputDocument doc = member("9", PARIS, true, List.of(), List.of());
    doc.setField(MemberFields.BLOCKED_IDS, List.of(42L, 43L));
    doc.setField(MemberFields.CONTACT_IDS, List.of(7L));
    return doc;
  }

  private static SolrInputDocument event(String id, String title, String startsAt) {
    Instant start = Instant.parse(startsAt);
    SolrInputDocument doc = new SolrInputDocument();
    doc.setField(EventFields.ID, id);
    doc.setField(EventFields.VERSION, 1L);
    doc.setField(EventFields.TITLE, title);
    doc.setField(EventFields.STARTS_AT, Date.from(start));
    doc.setField(EventFields.ENDS_AT, Date.from(start.plusSeconds(3 * 3600)));
    doc.setField(EventFields.LOCATION, BERLIN);
    return doc;
  }

  private static SolrInputDocument city(long geonamesId, String name, long population) {
    SolrInputDocument doc = new SolrInputDocument();
    doc.setField(CatalogFields.ID, "city:" + geonamesId);
    doc.setField(CatalogFields.VERSION, 1L);
    doc.setField(CatalogFields.TYPE, "city");
    doc.setField(CatalogFields.ENTITY_ID, geonamesId);
    doc.setField(CatalogFields.NAME, name);
    doc.setField(CatalogFields.POPULARITY, population);
    return doc;
  }
}
