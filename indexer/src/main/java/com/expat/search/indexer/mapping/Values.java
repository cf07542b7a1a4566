package com.expat.search.indexer.mapping;

import java.time.Instant;
import java.util.Date;
import java.util.Locale;

/** Cleaning of row values before they reach a document: rows can hold anything. */
final class Values {
  private Values() {}

  /**
   * Null for null or blank text; otherwise the text without control characters (tab and newline
   * kept), stripped. Text without any such character, nearly all of it, is only stripped: the
   * rebuild maps four texts per member, and copying each code point by code point was a tenth of
   * the rebuild's own CPU (docs/benchmarks.md, third session). A control character is never a
   * surrogate, so looking at chars finds exactly the code points the copy drops.
   */
  static String text(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (!hasDroppedControl(value)) {
      return value.strip();
    }
    StringBuilder clean = new StringBuilder(value.length());
    value
        .codePoints()
        .filter(c -> !dropped(c))
        .forEach(clean::appendCodePoint);
    String result = clean.toString().strip();
    return result.isEmpty() ? null : result;
  }

  private static boolean hasDroppedControl(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (dropped(value.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean dropped(int c) {
    return Character.isISOControl(c) && c != '\n' && c != '\t';
  }

  /** A lower-case two-letter code, or null when the value is not one. */
  static String lowerCode(String value) {
    if (value == null) {
      return null;
    }
    String code = value.strip().toLowerCase(Locale.ROOT);
    return code.length() == 2 && isAsciiLower(code.charAt(0)) && isAsciiLower(code.charAt(1)) ? code : null;
  }

  private static boolean isAsciiLower(char c) {
    return c >= 'a' && c <= 'z';
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
