package com.expat.search.indexer.mapping;

import static com.expat.search.vocabulary.MemberFields.*;

import com.expat.search.indexer.world.Catalog;
import com.expat.search.indexer.world.City;
import com.expat.search.indexer.world.Interest;
import com.expat.search.indexer.world.Member;
import com.expat.search.indexer.world.MemberProfile;
import com.expat.search.indexer.world.SpokenLanguage;
import com.expat.search.ranking.ProfileQuality;
import com.expat.search.vocabulary.LanguageTerms;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.solr.common.SolrInputDocument;

/**
 * Member rows to member documents. The index holds exactly the {@code active} members; whether
 * they may be found ({@code searchable}) is a field every query filters on, so that a member who
 * opted out can still be a viewer. Deactivated and deleted members are removed.
 */
public final class MemberDocuments {
  private MemberDocuments() {}

  /** True when the member belongs in the index at all. */
  public static boolean isIndexed(Member member) {
    return isIndexed(member.status());
  }

  /** True when a member of this status belongs in the index. */
  public static boolean isIndexed(Member.Status status) {
    return status == Member.Status.ACTIVE;
  }

  /** The change that brings the index in line with {@code profile}. */
  public static IndexChange change(MemberProfile profile, Catalog catalog) {
    Member member = profile.member();
    String id = Long.toString(member.id());
    return isIndexed(member)
        ? new IndexChange.Upsert(id, member.version(), document(profile, catalog))
        : new IndexChange.Delete(id, member.version());
  }

  /**
   * The document of an indexed member. Values the schema cannot hold (a language code that is not
   * two letters, an interest id with no row, a city id with no city) are left out; the rest of the
   * document is kept.
   *
   * @throws IllegalArgumentException when the member is not {@linkplain #isIndexed indexed}
   */
  public static SolrInputDocument document(MemberProfile profile, Catalog catalog) {
    Member member = profile.member();
    if (!isIndexed(member)) {
      throw new IllegalArgumentException(
          "member " + member.id() + " is " + member.status() + " and has no document");
    }
    SolrInputDocument doc = new SolrInputDocument();
    doc.setField(ID, Long.toString(member.id()));
    doc.setField(VERSION, member.version());
    setIfPresent(doc, DISPLAY_NAME, Values.text(member.displayName()));
    setIfPresent(doc, HEADLINE, Values.text(member.headline()));
    setIfPresent(doc, BIO, Values.text(member.bio()));
    setIfPresent(doc, OCCUPATION, Values.text(member.occupation()));

    doc.setField(CITY_ID, member.cityId());
    catalog.city(member.cityId()).ifPresent(city -> addCity(doc, city));
    setIfPresent(doc, ORIGIN_COUNTRY, Values.upperCode(member.originCountry()));

    Map<String, SpokenLanguage.Level> languages = strongestLevels(profile);
    languages.forEach(
        (code, level) -> {
          doc.addField(LANGUAGES, code);
          doc.addField(LANGUAGE_LEVELS, LanguageTerms.of(code, level.sql()));
          if (level == SpokenLanguage.Level.NATIVE || level == SpokenLanguage.Level.FLUENT) {
            doc.addField(FLUENT_LANGUAGES, code);
          }
        });

    Set<String> interests = new LinkedHashSet<>();
    for (int interestId : profile.interestIds()) {
      catalog.interest(interestId).map(Interest::slug).ifPresent(interests::add);
    }
    interests.forEach(slug -> doc.addField(INTERESTS, slug));
    doc.setField(INTEREST_COUNT, interests.size());

    doc.setField(MEMBERSHIP, member.membership().sql());
    doc.setField(HAS_PHOTO, member.hasPhoto());
    doc.setField(SEARCHABLE, member.searchable());
    doc.setField(
        PROFILE_QUALITY,
        (float) ProfileQuality.of(member.hasPhoto(), member.headline(), member.bio()));
    setIfPresent(doc, LAST_ACTIVE_AT, Values.date(member.lastActiveAt()));
    setIfPresent(doc, CREATED_AT, Values.date(member.createdAt()));
    setIfPresent(doc, UPDATED_AT, Values.date(member.updatedAt()));

    profile.contactIds().stream()
        .filter(other -> other != member.id())
        .distinct()
        .forEach(other -> doc.addField(CONTACT_IDS, other));
    profile.blockedIds().stream()
        .filter(other -> other != member.id())
        .distinct()
        .forEach(other -> doc.addField(BLOCKED_IDS, other));
    return doc;
  }

  private static void addCity(SolrInputDocument doc, City city) {
    setIfPresent(doc, CITY_NAME, Values.text(city.name()));
    setIfPresent(doc, COUNTRY_CODE, Values.upperCode(city.countryCode()));
    setIfPresent(doc, LOCATION, Values.point(city.latitude(), city.longitude()));
  }

  /** One level per language code, the strongest when a code appears twice after cleaning. */
  private static Map<String, SpokenLanguage.Level> strongestLevels(MemberProfile profile) {
    Map<String, SpokenLanguage.Level> levels = new LinkedHashMap<>();
    for (SpokenLanguage language : profile.languages()) {
      String code = Values.lowerCode(language.code());
      if (code == null || language.level() == null) {
        continue;
      }
      levels.merge(code, language.level(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
    }
    return levels;
  }

  static void setIfPresent(SolrInputDocument doc, String field, Object value) {
    if (value != null) {
      doc.setField(field, value);
    }
  }
}
