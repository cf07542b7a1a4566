package com.expat.search.indexer.mapping;

import static com.expat.search.vocabulary.MemberFields.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.expat.search.indexer.world.Catalog;
import com.expat.search.indexer.world.City;
import com.expat.search.indexer.world.Interest;
import com.expat.search.indexer.world.Member;
import com.expat.search.indexer.world.MemberProfile;
import com.expat.search.indexer.world.SpokenLanguage.Level;
import com.expat.search.indexer.world.SpokenLanguage;
import java.time.Instant;
import java.util.List;
import org.apache.solr.common.SolrInputDocument;
import org.junit.jupiter.api.Test;

class MemberDocumentsTest {
  static final City MUNICH =
      new City(2867714, "München", "Munchen", "DE", 48.13743, 11.57549, 1260391, "Europe/Berlin");
  static final Catalog CATALOG =
      new Catalog(
          List.of(MUNICH),
          List.of(new Interest(1, "hiking", "Hiking", "outdoors"), new Interest(2, "jazz", "Jazz", "music")));

  static Member member(long id, Member.Status status, boolean searchable, long cityId) {
    Instant t = Instant.parse("2026-11-01T10:00:00.123Z");
    return new Member(
        id, "Çağlar Müller", "Engineer\u0007 in Munich", null, "  ", cityId, "tr",
        Member.Membership.BASIC, searchable, status, true, t, t, t, 7);
  }

  static MemberProfile profile(Member member) {
    return new MemberProfile(
        member,
        List.of(
            new SpokenLanguage("TR", Level.NATIVE),
            new SpokenLanguage("en", Level.INTERMEDIATE),
            new SpokenLanguage("en", Level.FLUENT),
            new SpokenLanguage("english", Level.BASIC)),
        List.of(1, 2, 99),
        List.of(5L, 5L, member.id()),
        List.of(6L));
  }

  @Test
  void activeMemberBecomesAnUpsertCarryingTheRowVersion() {
    IndexChange change = MemberDocuments.change(profile(member(42, Member.Status.ACTIVE, true, MUNICH.id())), CATALOG);

    assertThat(change).isInstanceOf(IndexChange.Upsert.class);
    assertThat(change.id()).isEqualTo("42");
    assertThat(change.version()).isEqualTo(7);
  }

  @Test
  void deactivatedAndDeletedMembersBecomeDeletes() {
    for (Member.Status status : List.of(Member.Status.DEACTIVATED, Member.Status.DELETED)) {
      IndexChange change = MemberDocuments.change(profile(member(42, status, true, 1)), CATALOG);
      assertThat(change).isEqualTo(new IndexChange.Delete("42", 7));
    }
  }

  @Test
  void nonSearchableActiveMemberIsIndexedButMarkedUnsearchable() {
    SolrInputDocument doc =
        MemberDocuments.document(profile(member(42, Member.Status.ACTIVE, false, MUNICH.id())), CATALOG);

    assertThat(doc.getFieldValue(SEARCHABLE)).isEqualTo(false);
  }

  @Test
  void documentCarriesCityLanguagesAndInterestsAsTheSchemaNamesThem() {
    SolrInputDocument doc =
        MemberDocuments.document(profile(member(42, Member.Status.ACTIVE, true, MUNICH.id())), CATALOG);

    assertThat(doc.getFieldValue(CITY_NAME)).isEqualTo("München");
    assertThat(doc.getFieldValue(COUNTRY_CODE)).isEqualTo("DE");
    assertThat(doc.getFieldValue(LOCATION)).isEqualTo("48.13743,11.57549");
    assertThat(doc.getFieldValue(ORIGIN_COUNTRY)).isEqualTo("TR");
    assertThat(doc.getFieldValues(LANGUAGES)).containsExactly("tr", "en");
    assertThat(doc.getFieldValues(LANGUAGE_LEVELS)).containsExactly("tr:native", "en:fluent");
    assertThat(doc.getFieldValues(FLUENT_LANGUAGES)).containsExactly("tr", "en");
    assertThat(doc.getFieldValues(INTERESTS)).containsExactly("hiking", "jazz");
    assertThat(doc.getFieldValue(INTEREST_COUNT)).isEqualTo(2);
  }

  @Test
  void dirtyRowValuesAreCleanedNotFatal() {
    SolrInputDocument doc =
        MemberDocuments.document(profile(member(42, Member.Status.ACTIVE, true, MUNICH.id())), CATALOG);

    assertThat(doc.getFieldValue(HEADLINE)).isEqualTo("Engineer in Munich");
    assertThat(doc.containsKey(OCCUPATION)).as("blank occupation").isFalse();
    assertThat(doc.containsKey(BIO)).as("null bio").isFalse();
    assertThat(doc.getFieldValues(CONTACT_IDS)).as("deduplicated, never self").containsExactly(5L);
    assertThat(doc.getFieldValues(BLOCKED_IDS)).containsExactly(6L);
  }

  @Test
  void cityIdWithNoCityRowKeepsTheMemberWithoutALocation() {
    SolrInputDocument doc =
        MemberDocuments.document(profile(member(42, Member.Status.ACTIVE, true, 404)), CATALOG);

    assertThat(doc.getFieldValue(CITY_ID)).isEqualTo(404L);
    assertThat(doc.containsKey(LOCATION)).isFalse();
    assertThat(doc.containsKey(CITY_NAME)).isFalse();
  }

  @Test
  void documentOfAnInactiveMemberIsRefused() {
    assertThatThrownBy(
            () -> MemberDocuments.document(profile(member(42, Member.Status.DELETED, true, 1)), CATALOG))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("42");
  }
}
