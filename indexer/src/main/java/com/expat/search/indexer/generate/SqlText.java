package com.expat.search.indexer.generate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Appends values in the text format of {@code LOAD DATA ... FIELDS TERMINATED BY '\t' ESCAPED
 * BY '\\'}: tab, newline, carriage return, NUL and backslash escaped, NULL as {@code \N},
 * DATETIME as {@code yyyy-MM-dd HH:mm:ss[.SSS]} in UTC. Hand-written because it runs for every
 * one of tens of millions of values (DateTimeFormatter was the hot spot).
 */
final class SqlText {
  private SqlText() {}

  static void text(StringBuilder out, String value) {
    if (value == null) {
      out.append("\\N");
      return;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\0' -> out.append("\\0");
        default -> out.append(c);
      }
    }
  }

  static void number(StringBuilder out, Number value) {
    if (value == null) {
      out.append("\\N");
    } else {
      out.append(value);
    }
  }

  static void bool(StringBuilder out, boolean value) {
    out.append(value ? '1' : '0');
  }

  /** DATETIME(3) when {@code millis}, else DATETIME (seconds). */
  static void datetime(StringBuilder out, Instant instant, boolean millis) {
    LocalDateTime time = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
    pad(out, time.getYear(), 4).append('-');
    pad(out, time.getMonthValue(), 2).append('-');
    pad(out, time.getDayOfMonth(), 2).append(' ');
    pad(out, time.getHour(), 2).append(':');
    pad(out, time.getMinute(), 2).append(':');
    pad(out, time.getSecond(), 2);
    if (millis) {
      out.append('.');
      pad(out, instant.getNano() / 1_000_000, 3);
    }
  }

  private static StringBuilder pad(StringBuilder out, int value, int width) {
    String digits = Integer.toString(value);
    for (int i = digits.length(); i < width; i++) {
      out.append('0');
    }
    return out.append(digits);
  }

  static byte[] utf8(CharSequence text) {
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }
}
