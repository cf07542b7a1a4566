package com.expat.search.query.members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.solr.common.SolrDocument;
import org.junit.jupiter.api.Test;

class MemberDocsTest {
  private static final GeoPoint BERLIN = new GeoPoint(52.52437, 13.41053);

  @Test
  void aRankedRequestNamesEveryItemFieldOnceThroughThePluginsColumns() {
    assertThat(MemberDocs.rankedFieldList()).isEqualTo("id:[expat_field],display_name:[expat_field],"
        + "headline:[expat_field],occupation:[expat_field],"
        + "city_id:[expat_field],city_name:[expat_field],country_code:[expat_field],"
        + "origin_country:[expat_field],language_levels:[expat_field],interests:[expat_field],location:[expat_field]");
  }

  @Test
  void documentBecomesAnItemWithLanguagesStrongestFirst() {
    SolrDocument doc = new SolrDocument();
    doc.setField("id", "17");
    doc.setField("display_name", "Çağlar São");
    doc.setField("headline", "Hiker");
    doc.setField("city_id", 2950159L);
    doc.setField("city_name", "Berlin");
    doc.setField("country_code", "DE");
    doc.setField("origin_country", "TR");
    doc.setField("language_levels", List.of("de:intermediate", "en:fluent", "tr:native"));
    doc.setField("interests", List.of("chess", "hiking"));
    doc.setField("location", "48.85341,2.3488");

    MemberItem item = MemberDocs.item(doc, 1.5, Optional.of(BERLIN), Map.of("text", 1.5));

    assertThat(item.id()).isEqualTo(17L);
    assertThat(item.displayName()).isEqualTo("Çağlar São");
    assertThat(item.headline()).isEqualTo("Hiker");
    assertThat(item.occupation()).isNull();
    assertThat(item.city()).isEqualTo(new CityRef(2950159L, "Berlin", "DE"));
    assertThat(item.originCountry()).isEqualTo("TR");
    assertThat(item.languages()).containsExactly(
        new LanguageLevel("tr", "native"), new LanguageLevel("en", "fluent"),
        new LanguageLevel("de", "intermediate"));
    assertThat(item.interests()).containsExactly("chess", "hiking");
    assertThat(item.distanceKm()).isCloseTo(878, within(2.0));
    assertThat(item.score()).isEqualTo(1.5);
    assertThat(item.explain()).containsEntry("text", 1.5);
  }

  @Test
  void distanceIsAbsentWithoutAnOriginOrWithoutALocation() {
    SolrDocument doc = new SolrDocument();
    doc.setField("id", "1");
    doc.setField("location", "52.5,13.4");
    assertThat(MemberDocs.item(doc, 0, Optional.empty(), null).distanceKm()).isNull();
    doc.removeFields("location");
    assertThat(MemberDocs.item(doc, 0, Optional.of(BERLIN), null).distanceKm()).isNull();
    assertThat(MemberDocs.item(doc, 0, Optional.of(BERLIN), null).languages()).isEmpty();
    assertThat(MemberDocs.item(doc, 0, Optional.of(BERLIN), null).explain()).isNull();
  }

  @Test
  void haversineBetweenBerlinAndParis() {
    assertThat(BERLIN.distanceKm(new GeoPoint(48.85341, 2.3488))).isCloseTo(878, within(2.0));
    assertThat(BERLIN.distanceKm(BERLIN)).isZero();
  }

  @Test
  void malformedPointsParseToNothing() {
    assertThat(GeoPoint.parse("1,2")).contains(new GeoPoint(1, 2));
    assertThat(GeoPoint.parse("100,2")).isEmpty();
    assertThat(GeoPoint.parse("x,2")).isEmpty();
    assertThat(GeoPoint.parse(null)).isEmpty();
  }
}
