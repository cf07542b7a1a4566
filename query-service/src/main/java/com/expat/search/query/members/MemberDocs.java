package com.expat.search.query.members;

import static com.expat.search.vocabulary.MemberFields.*;

import com.expat.search.query.i18n.ItemWords;
import com.expat.search.vocabulary.LanguageTerms;
import com.expat.search.vocabulary.QueryParsers;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.solr.common.SolrDocument;

/** Member documents, as Solr returns them, to the API's member items. Stateless. */
public final class MemberDocs {
  /** What an item is built from; ask Solr for these (docValues fields come back when listed). */
  public static final List<String> ITEM_FIELDS =
      List.of(ID, DISPLAY_NAME, HEADLINE, OCCUPATION, CITY_ID, CITY_NAME, COUNTRY_CODE,
          ORIGIN_COUNTRY, LANGUAGE_LEVELS, INTERESTS, LOCATION);

  /**
   * Of {@link #ITEM_FIELDS}, those a ranked request (the plugin is there) has the plugin write from
   * its in-memory columns: every one, the docValues-only fields and the stored texts ({@code id},
   * {@code display_name}, {@code headline}, {@code occupation}) alike, the same values as Solr reads
   * per document, for less; with no field of its own in {@code fl} Solr reads no stored field at
   * all ({@link #rankedFieldList()}).
   */
  static final Set<String> COLUMN_FIELDS = Set.copyOf(ITEM_FIELDS);

  private static final List<String> LEVELS = List.of("native", "fluent", "intermediate", "basic");

  private MemberDocs() {}

  /**
   * {@link #ITEM_FIELDS} as a ranked request's {@code fl} names them: the {@link #COLUMN_FIELDS}
   * (all of them) as {@code city_id:[expat_field]}, any other as itself.
   */
  public static String rankedFieldList() {
    List<String> names = new ArrayList<>();
    for (String field : ITEM_FIELDS) {
      names.add(COLUMN_FIELDS.contains(field) ? field + ":[" + QueryParsers.COLUMN_FIELD + "]" : field);
    }
    return String.join(",", names);
  }

  /** {@code item} with its city's name in the request's words. */
  public static MemberItem inWords(MemberItem item, ItemWords words) {
    CityRef city = item.city();
    String name = words.cityName(city.id(), city.name());
    return name == null || name.equals(city.name()) ? item : item.withCity(new CityRef(city.id(), name, city.countryCode()));
  }

  /**
   * The item for {@code doc}.
   *
   * @param from where distances are measured from; empty: no {@code distance_km}
   * @param explain feature contributions summing to {@code score}, or null
   */
  public static MemberItem item(
      SolrDocument doc, double score, Optional<GeoPoint> from, Map<String, Double> explain) {
    return item(doc, score, from, explain, null);
  }

  /**
   * The item for {@code doc} with an explanation and its reasons (both null, or both given).
   */
  public static MemberItem item(SolrDocument doc, double score, Optional<GeoPoint> from,
      Map<String, Double> explain, List<String> reasons) {
    Long cityId = longValue(doc.getFirstValue(CITY_ID));
    CityRef city = new CityRef(cityId, string(doc, CITY_NAME), string(doc, COUNTRY_CODE));
    Double distance =
        from.flatMap(origin -> GeoPoint.parse(doc.getFirstValue(LOCATION)).map(origin::distanceKm))
            .map(km -> Math.round(km * 10) / 10.0)
            .orElse(null);
    return new MemberItem(
        Long.parseLong(doc.getFirstValue(ID).toString()),
        string(doc, DISPLAY_NAME),
        string(doc, HEADLINE),
        string(doc, OCCUPATION),
        city,
        string(doc, ORIGIN_COUNTRY),
        languages(doc.getFieldValues(LANGUAGE_LEVELS)),
        strings(doc.getFieldValues(INTERESTS)),
        distance,
        score,
        explain,
        reasons);
  }

  /** {@code "de:native"} values to languages, strongest level first, then by code. */
  static List<LanguageLevel> languages(Collection<Object> values) {
    List<LanguageLevel> result = new ArrayList<>();
    for (String value : strings(values)) {
      String code = LanguageTerms.code(value);
      result.add(code == null ? new LanguageLevel(value, null) : new LanguageLevel(code, LanguageTerms.level(value)));
    }
    result.sort(Comparator.comparingInt((LanguageLevel l) -> levelRank(l.level()))
        .thenComparing(LanguageLevel::code));
    return result;
  }

  private static int levelRank(String level) {
    int rank = LEVELS.indexOf(level);
    return rank < 0 ? LEVELS.size() : rank;
  }

  public static List<String> strings(Collection<Object> values) {
    if (values == null) {
      return List.of();
    }
    return values.stream().filter(v -> v != null).map(Object::toString).toList();
  }

  public static List<Long> longs(Collection<Object> values) {
    if (values == null) {
      return List.of();
    }
    List<Long> result = new ArrayList<>(values.size());
    for (Object value : values) {
      Long id = longValue(value);
      if (id != null) {
        result.add(id);
      }
    }
    return result;
  }

  static Long longValue(Object value) {
    if (value instanceof Number number) {
      return number.longValue();
    }
    if (value == null) {
      return null;
    }
    try {
      return Long.parseLong(value.toString());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String string(SolrDocument doc, String field) {
    Object value = doc.getFirstValue(field);
    return value == null ? null : value.toString();
  }
}
