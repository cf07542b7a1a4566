package com.expat.search.ranking.solr;

import com.expat.search.ranking.signals.EventSignals;
import com.expat.search.ranking.signals.LanguageLevel;
import com.expat.search.ranking.signals.LatLon;
import com.expat.search.ranking.signals.MemberSignals;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Index documents to signals. A SolrJ {@code SolrDocument} is a {@code Map<String, Object>} and
 * can be passed as is; multi-valued fields are collections, dates {@link Date}s (or {@link
 * Instant}s, ISO-8601 text, epoch ms), a location is {@code "lat,lon"}. Absent or unreadable values
 * become the signals' "unknown". The field names are those of {@code
 * com.expat.search.common.solr.MemberFields} and {@code EventFields}; ranking does not depend on
 * {@code common}, so a test on the service side should compare them. Stateless.
 */
public final class IndexDocs {
  public static final String ID = "id";
  public static final String LOCATION = "location";
  public static final String CITY_ID = "city_id";
  public static final String CITY_NAME = "city_name";
  public static final String ORIGIN_COUNTRY = "origin_country";
  public static final String LANGUAGE_LEVELS = "language_levels";
  public static final String INTERESTS = "interests";
  public static final String LAST_ACTIVE_AT = "last_active_at";
  public static final String CREATED_AT = "created_at";
  public static final String PROFILE_QUALITY = "profile_quality";

  public static final String STARTS_AT = "starts_at";
  public static final String ENDS_AT = "ends_at";
  public static final String LANGUAGE = "language";
  public static final String ATTENDEE_COUNT = "attendee_count";
  public static final String CAPACITY = "capacity";
  public static final String GOING_IDS = "going_ids";

  /** What {@link #member} reads: add these to {@code fl}. */
  public static final List<String> MEMBER_FIELDS = List.of(ID, LOCATION, CITY_ID, CITY_NAME, ORIGIN_COUNTRY,
      LANGUAGE_LEVELS, INTERESTS, LAST_ACTIVE_AT, CREATED_AT, PROFILE_QUALITY);
  /** What {@link #event} reads: add these to {@code fl}. */
  public static final List<String> EVENT_FIELDS = List.of(ID, STARTS_AT, ENDS_AT, LOCATION, CITY_NAME, LANGUAGE,
      INTERESTS, ATTENDEE_COUNT, CAPACITY, GOING_IDS);

  private IndexDocs() {}

  /**
   * @throws IllegalArgumentException when the document has no numeric {@code id}
   */
  public static MemberSignals member(Map<String, ?> doc) {
    Number quality = number(doc.get(PROFILE_QUALITY));
    double profileQuality = quality == null ? 0 : Math.min(1, Math.max(0, quality.doubleValue()));
    if (Double.isNaN(profileQuality)) {
      profileQuality = 0;
    }
    Number cityId = number(doc.get(CITY_ID));
    return new MemberSignals(
        id(doc),
        location(doc.get(LOCATION)),
        cityId == null ? 0 : cityId.longValue(),
        text(doc.get(CITY_NAME)),
        text(doc.get(ORIGIN_COUNTRY)),
        LanguageLevel.parseCodes(values(doc.get(LANGUAGE_LEVELS))),
        strings(doc.get(INTERESTS)),
        instant(doc.get(LAST_ACTIVE_AT)),
        instant(doc.get(CREATED_AT)),
        profileQuality);
  }

  /**
   * @throws IllegalArgumentException when the document has no numeric {@code id} or no {@code
   *     starts_at}
   */
  public static EventSignals event(Map<String, ?> doc) {
    Instant startsAt = instant(doc.get(STARTS_AT));
    if (startsAt == null) {
      throw new IllegalArgumentException("event document has no " + STARTS_AT + ": " + doc.get(ID));
    }
    Number attendees = number(doc.get(ATTENDEE_COUNT));
    Number capacity = number(doc.get(CAPACITY));
    Set<Long> going = new HashSet<>();
    for (Object value : values(doc.get(GOING_IDS))) {
      Number id = number(value);
      if (id != null) {
        going.add(id.longValue());
      }
    }
    return new EventSignals(
        id(doc),
        startsAt,
        instant(doc.get(ENDS_AT)),
        location(doc.get(LOCATION)),
        text(doc.get(CITY_NAME)),
        text(doc.get(LANGUAGE)),
        strings(doc.get(INTERESTS)),
        attendees == null ? 0 : Math.max(0, attendees.intValue()),
        capacity == null ? null : Math.max(0, capacity.intValue()),
        going);
  }

  /** {@code "lat,lon"} to a point; null when absent or not a valid point. */
  public static LatLon location(Object value) {
    Object single = first(value);
    if (single == null) {
      return null;
    }
    String[] parts = single.toString().split(",", -1);
    if (parts.length != 2) {
      return null;
    }
    try {
      double lat = Double.parseDouble(parts[0].strip());
      double lon = Double.parseDouble(parts[1].strip());
      return lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180 ? new LatLon(lat, lon) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static long id(Map<String, ?> doc) {
    Number id = number(doc.get(ID));
    if (id == null) {
      throw new IllegalArgumentException("document has no numeric " + ID + ": " + doc.get(ID));
    }
    return id.longValue();
  }

  private static Collection<?> values(Object value) {
    if (value == null) {
      return List.of();
    }
    return value instanceof Collection<?> collection ? collection : List.of(value);
  }

  private static Object first(Object value) {
    if (value instanceof Collection<?> collection) {
      return collection.isEmpty() ? null : collection.iterator().next();
    }
    return value;
  }

  private static Set<String> strings(Object value) {
    Set<String> result = new HashSet<>();
    for (Object item : values(value)) {
      if (item != null) {
        result.add(item.toString());
      }
    }
    return result;
  }

  private static String text(Object value) {
    Object single = first(value);
    return single == null ? null : single.toString();
  }

  private static Number number(Object value) {
    Object single = first(value);
    if (single instanceof Number number) {
      return number;
    }
    if (single == null) {
      return null;
    }
    try {
      return Long.parseLong(single.toString().strip());
    } catch (NumberFormatException e) {
      try {
        return Double.parseDouble(single.toString().strip());
      } catch (NumberFormatException notNumber) {
        return null;
      }
    }
  }

  private static Instant instant(Object value) {
    Object single = first(value);
    if (single instanceof Date date) {
      return date.toInstant();
    }
    if (single instanceof Instant instant) {
      return instant;
    }
    if (single instanceof Number millis) {
      return Instant.ofEpochMilli(millis.longValue());
    }
    if (single == null) {
      return null;
    }
    try {
      return Instant.parse(single.toString().strip());
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
