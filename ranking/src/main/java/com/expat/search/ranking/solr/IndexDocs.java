package com.expat.search.ranking.solr;

import com.expat.search.ranking.signals.EventSignals;
import com.expat.search.ranking.signals.LanguageLevel;
import com.expat.search.ranking.signals.LatLon;
import com.expat.search.ranking.signals.MemberSignals;
import com.expat.search.vocabulary.EventFields;
import com.expat.search.vocabulary.MemberFields;
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
 * become the signals' "unknown". The field names are the vocabulary's {@link
 * MemberFields} and {@link EventFields}. Stateless.
 */
public final class IndexDocs {
  /** What {@link #member} reads: add these to {@code fl}. */
  public static final List<String> MEMBER_FIELDS = List.of(MemberFields.ID, MemberFields.LOCATION,
      MemberFields.CITY_ID, MemberFields.CITY_NAME, MemberFields.ORIGIN_COUNTRY, MemberFields.LANGUAGE_LEVELS,
      MemberFields.INTERESTS, MemberFields.LAST_ACTIVE_AT, MemberFields.CREATED_AT, MemberFields.PROFILE_QUALITY);
  /** What {@link #event} reads: add these to {@code fl}. */
  public static final List<String> EVENT_FIELDS = List.of(EventFields.ID, EventFields.STARTS_AT,
      EventFields.ENDS_AT, EventFields.LOCATION, EventFields.CITY_NAME, EventFields.LANGUAGE, EventFields.INTERESTS,
      EventFields.ATTENDEE_COUNT, EventFields.CAPACITY, EventFields.GOING_IDS);

  private IndexDocs() {}

  /**
   * @throws IllegalArgumentException when the document has no numeric {@code id}
   */
  public static MemberSignals member(Map<String, ?> doc) {
    Number quality = number(doc.get(MemberFields.PROFILE_QUALITY));
    double profileQuality = quality == null ? 0 : Math.min(1, Math.max(0, quality.doubleValue()));
    if (Double.isNaN(profileQuality)) {
      profileQuality = 0;
    }
    Number cityId = number(doc.get(MemberFields.CITY_ID));
    return new MemberSignals(
        id(doc),
        location(doc.get(MemberFields.LOCATION)),
        cityId == null ? 0 : cityId.longValue(),
        text(doc.get(MemberFields.CITY_NAME)),
        text(doc.get(MemberFields.ORIGIN_COUNTRY)),
        LanguageLevel.parseCodes(values(doc.get(MemberFields.LANGUAGE_LEVELS))),
        strings(doc.get(MemberFields.INTERESTS)),
        instant(doc.get(MemberFields.LAST_ACTIVE_AT)),
        instant(doc.get(MemberFields.CREATED_AT)),
        profileQuality);
  }

  /**
   * @throws IllegalArgumentException when the document has no numeric {@code id} or no {@code
   *     starts_at}
   */
  public static EventSignals event(Map<String, ?> doc) {
    Instant startsAt = instant(doc.get(EventFields.STARTS_AT));
    if (startsAt == null) {
      throw new IllegalArgumentException("event document has no " + EventFields.STARTS_AT + ": " + doc.get(EventFields.ID));
    }
    Number attendees = number(doc.get(EventFields.ATTENDEE_COUNT));
    Number capacity = number(doc.get(EventFields.CAPACITY));
    Set<Long> going = new HashSet<>();
    for (Object value : values(doc.get(EventFields.GOING_IDS))) {
      Number id = number(value);
      if (id != null) {
        going.add(id.longValue());
      }
    }
    return new EventSignals(
        id(doc),
        startsAt,
        instant(doc.get(EventFields.ENDS_AT)),
        location(doc.get(EventFields.LOCATION)),
        text(doc.get(EventFields.CITY_NAME)),
        text(doc.get(EventFields.LANGUAGE)),
        strings(doc.get(EventFields.INTERESTS)),
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
    Number id = number(doc.get(MemberFields.ID));
    if (id == null) {
      throw new IllegalArgumentException("document has no numeric " + MemberFields.ID + ": " + doc.get(MemberFields.ID));
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
