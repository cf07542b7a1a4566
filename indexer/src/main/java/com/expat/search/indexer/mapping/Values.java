package com.expat.search.indexer.mapping;

import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.regex.Pattern;

/** Cleaning of row values before they reach a document: rows can hold anything. */
final class Values {
  private static final Pattern TWO_LETTERS = Pattern.compile("[a-z]{2}");

  private Values() {}

  /** Null for null or blank text; otherwise the text without control characters. */
  static String text(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    StringBuilder clean = new StringBuilder(value.length());
    value
        .codePoints()
        .filter(c -> !Character.isISOControl(c) || c == '\n' || c == '\t')
        .forEach(clean::appendCodePoint);
    String result = clean.toString().strip();
    return result.isEmpty() ? null : result;
  }

  /** A lower-case two-letter code, or null when the value is not one. */
  static String lowerCode(String value) {
    if (value == null) {
      return null;
    }
    String code = value.strip().toLowerCase(Locale.ROOT);
    return TWO_LETTERS.matcher(code).matches() ? code : null;
  }

  /** An upper-case two-letter code, or null when the value is not one. */
  static String upperCode(String value) {
    String code = lowerCode(value);
    return code == null ? null : code.toUpperCase(Locale.ROOT);
  }

  static Date date(Instant instant) {
    return instant == null ? null : Date.from(instant);
  }

  /** {@code "lat,lon"} for Solr's LatLonPointSpatialField, or null when out of range. */
  static String point(Double latitude, Double longitude) {
    if (latitude == null || longitude == null) {
      return null;
    }
    if (!(latitude >= -90 && latitude <= 90 && longitude >= -180 && longitude <= 180)) {
      return null;
    }
    return latitude + "," + longitude;
  }
}
