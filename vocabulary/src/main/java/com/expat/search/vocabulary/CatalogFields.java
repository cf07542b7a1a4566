package com.expat.search.vocabulary;

/**
 * Field names of a document in the {@link Cores#CATALOG} core: one document per city and per
 * interest, for type-ahead and for the labels of facets. Ids are {@code "city:<id>"} and
 * {@code "interest:<slug>"}.
 */
public final class CatalogFields {
  public static final String ID = IndexFields.ID;
  public static final String VERSION = IndexFields.VERSION;
  /** {@code city} or {@code interest}. */
  public static final String TYPE = "type";
  /** The city id or the interest id, as a number. */
  public static final String ENTITY_ID = "entity_id";
  public static final String NAME = "name";
  public static final String NAME_SUGGEST = "name_suggest";
  /** Other names (all languages, synonyms), stored; copied into the suggest fields. */
  public static final String ALT_NAMES = "alt_names";
  /** {@code language:name}, one per language with a name of its own to show. */
  public static final String LABELS = "labels";
  /** The names transliterated to Latin, as edge n-grams, for type-ahead across scripts. */
  public static final String NAME_LATIN = "name_latin";
  public static final String SLUG = "slug";
  public static final String CATEGORY = "category";
  public static final String COUNTRY_CODE = "country_code";
  public static final String LOCATION = "location";
  /** Cities: inhabitants. Interests: members who have it. Ranks type-ahead. */
  public static final String POPULARITY = "popularity";

  private CatalogFields() {}
}
