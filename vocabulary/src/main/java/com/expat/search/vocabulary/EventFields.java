package com.expat.search.vocabulary;

/**
 * Field names of a document in the {@link Cores#EVENTS} core. Only {@code published} events are
 * in the index; queries still filter out events that have ended.
 */
public final class EventFields {
  public static final String ID = IndexFields.ID;
  public static final String VERSION = IndexFields.VERSION;

  public static final String TITLE = "title";
  /** Indexed, not stored. */
  public static final String DESCRIPTION = "description";
  public static final String VENUE_NAME = "venue_name";

  public static final String CITY_ID = "city_id";
  public static final String CITY_NAME = "city_name";
  public static final String COUNTRY_CODE = "country_code";
  /** The venue's coordinates, or the city's when the venue has none. */
  public static final String LOCATION = "location";

  public static final String STARTS_AT = "starts_at";
  public static final String ENDS_AT = "ends_at";
  /** ISO 639-1 code of the language spoken. */
  public static final String LANGUAGE = "language";
  public static final String HOST_MEMBER_ID = "host_member_id";
  /** Absent: no limit. */
  public static final String CAPACITY = "capacity";
  /** RSVPs with status {@code going}. */
  public static final String ATTENDEE_COUNT = "attendee_count";
  public static final String INTERESTED_COUNT = "interested_count";
  /** Ids of members going, for "contacts attending" and "not ones they already attend". */
  public static final String GOING_IDS = "going_ids";
  /** Ids of members interested. */
  public static final String INTERESTED_IDS = "interested_ids";
  public static final String INTERESTS = "interests";

  public static final String CREATED_AT = "created_at";
  public static final String UPDATED_AT = "updated_at";

  private EventFields() {}
}
