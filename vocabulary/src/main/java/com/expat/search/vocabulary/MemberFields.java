package com.expat.search.vocabulary;

/**
 * Field names of a document in the {@link Cores#MEMBERS} core, written by the indexer's mapping
 * and read by the query service. The schema ({@code solr-config}, configset {@code expat}) defines
 * each; this class is the one place Java names them.
 *
 * <p>Privacy: the core holds every <em>active</em> member, searchable or not, so that a member who
 * has opted out can still ask for matches and have their blocks applied. Every query that returns
 * members to someone must therefore filter on {@link #SEARCHABLE}; deleted and deactivated members
 * are not in the index at all.
 */
public final class MemberFields {
  /** uniqueKey: the member id in decimal. */
  public static final String ID = IndexFields.ID;
  /** The row's {@code version}: Solr's document-based version constraint keeps the newest. */
  public static final String VERSION = IndexFields.VERSION;

  public static final String DISPLAY_NAME = "display_name";
  public static final String HEADLINE = "headline";
  /** Indexed, not stored: a bio can be 10 kB and no answer carries it. */
  public static final String BIO = "bio";
  public static final String OCCUPATION = "occupation";
  /** Edge n-grams of the folded display name, for type-ahead. Filled by copyField. */
  public static final String NAME_SUGGEST = "name_suggest";

  /**
   * The page's texts as binary docValues, filled by copyField from {@link #ID}, {@link
   * #DISPLAY_NAME}, {@link #HEADLINE}, {@link #OCCUPATION} (schema type {@code page_text}): the
   * ranking plugin writes a ranked page's texts from them, without a stored-field read and without
   * a heap copy. Never asked for in {@code fl} or a query; {@link #PAGE_ID} present marks a
   * document indexed with them.
   */
  public static final String PAGE_ID = "page_id";
  public static final String PAGE_DISPLAY_NAME = "page_display_name";
  public static final String PAGE_HEADLINE = "page_headline";
  public static final String PAGE_OCCUPATION = "page_occupation";

  public static final String CITY_ID = "city_id";
  public static final String CITY_NAME = "city_name";
  /** The country of the city the member lives in. */
  public static final String COUNTRY_CODE = "country_code";
  /** The city's coordinates, {@code "lat,lon"}; absent when the city row is missing. */
  public static final String LOCATION = "location";
  public static final String ORIGIN_COUNTRY = "origin_country";

  /** ISO 639-1 codes the member speaks, at any level. */
  public static final String LANGUAGES = "languages";
  /** {@code "code:level"}, e.g. {@code "de:native"}: what answers show. */
  public static final String LANGUAGE_LEVELS = "language_levels";
  /** Codes spoken at native or fluent level. */
  public static final String FLUENT_LANGUAGES = "fluent_languages";
  /** Interest slugs. */
  public static final String INTERESTS = "interests";
  public static final String INTEREST_COUNT = "interest_count";

  public static final String MEMBERSHIP = "membership";
  public static final String HAS_PHOTO = "has_photo";
  public static final String SEARCHABLE = "searchable";
  /** 0..1, from photo, headline and bio; computed by the indexer. */
  public static final String PROFILE_QUALITY = "profile_quality";

  public static final String LAST_ACTIVE_AT = "last_active_at";
  public static final String CREATED_AT = "created_at";
  public static final String UPDATED_AT = "updated_at";

  /** Accepted contacts (ids). */
  public static final String CONTACT_IDS = "contact_ids";
  /** Blocks in both directions: whom this member blocks and who blocks this member. */
  public static final String BLOCKED_IDS = "blocked_ids";

  private MemberFields() {}
}
