package com.expat.search.query.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class AccessLogTest {
  private static final String[] ZONES = {
    "UTC", "Europe/Berlin", "America/New_York", "Asia/Kathmandu", "America/St_Johns", "Australia/Lord_Howe",
    "Pacific/Chatham", "Africa/Monrovia", "Europe/Amsterdam"
  };
  private static final Locale[] LOCALES = {
    Locale.ROOT, Locale.US, Locale.GERMANY, Locale.forLanguageTag("ar-EG"), Locale.forLanguageTag("th-TH-u-nu-thai"),
    Locale.forLanguageTag("hi-IN-u-nu-deva"), Locale.forLanguageTag("ja-JP-u-ca-japanese")
  };

  @Test
  void theTimeIsWhatSimpleDateFormatWritesAcrossSecondsZonesAndLocales() {
    SplittableRandom random = new SplittableRandom(13);
    for (String zoneId : ZONES) {
      TimeZone zone = TimeZone.getTimeZone(zoneId);
      for (Locale locale : LOCALES) {
        AccessLog.Lines lines = new AccessLog.Lines(() -> 0L, () -> System.err, zone, locale);
        SimpleDateFormat reference = new SimpleDateFormat(AccessLog.TIME_FORMAT, locale);
        reference.setTimeZone(zone);
        long at = -2_000_000_000_000L;
        for (int i = 0; i < 3_000; i++) {
          // mostly a few milliseconds on (the same second again, the next), now and then a jump
          at += i % 50 == 0 ? random.nextLong(1L, 20_000_000_000L) : random.nextLong(0, 700);
          assertThat(lines.time(at)).as("%s %s %d", zoneId, locale, at).isEqualTo(reference.format(new Date(at)));
        }
        // each side of daylight saving time's changes in 2026 and the zone's own dates
        for (long change : new long[] {1774746000000L, 1792890000000L, 1772953200000L, 1793512800000L, 0L, -1L}) {
          for (long at2 = change - 2_500; at2 <= change + 2_500; at2 += 37) {
            assertThat(lines.time(at2)).as("%s %s %d", zoneId, locale, at2)
                .isEqualTo(reference.format(new Date(at2)));
          }
        }
      }
    }
  }

  @Test
  void aLineIsTheLineSlf4jSimpleWritesForTheAccessLogger() {
    String message = "GET /v1/members/search?q={}&x=%s 200 1.3ms cache=miss request_id=0e3c-ü-\u0915";
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream stderr = System.err;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      LoggerFactory.getLogger(AccessLog.NAME).info("{}", message);
    } finally {
      System.setErr(stderr);
    }
    String slf4j = captured.toString(StandardCharsets.UTF_8).stripTrailing();
    long at = parse(slf4j.substring(0, slf4j.indexOf(' ')));

    AccessLog.Lines lines = new AccessLog.Lines(() -> at, () -> System.err);
    assertThat(lines.line(at, message)).isEqualTo(slf4j);
  }

  @Test
  void theServiceWritesItsLineAsSlf4jSimpleDidByTheSameLogger() {
    AtomicLong clock = new AtomicLong(1_796_000_123_456L);
    ByteArrayOutputStream ours = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(ours, true, StandardCharsets.UTF_8);
    AccessLog log = AccessLog.of(LoggerFactory.getLogger(AccessLog.NAME), new AccessLog.Lines(clock::get, () -> out));

    log.write("GET", "/v1/members/12/matches", 200, "4.2", "miss", "warm-up");
    clock.addAndGet(1_001);
    log.write("POST", "/v1/x y", 503, "0.0", "hit", "-");

    assertThat(ours.toString(StandardCharsets.UTF_8)).isEqualTo(
        format(1_796_000_123_456L) + " INFO com.expat.search.query.access - GET /v1/members/12/matches 200 4.2ms"
            + " cache=miss request_id=warm-up" + System.lineSeparator()
            + format(1_796_000_124_457L) + " INFO com.expat.search.query.access - POST /v1/x y 503 0.0ms cache=hit"
            + " request_id=-" + System.lineSeparator());
  }

  @Test
  void theServiceWritesItselfOnlyWithSlf4jSimpleAndTheJarsLayout() {
    // the test classpath has slf4j-simple and the jar's simplelogger.properties: the line is ours
    assertThat(AccessLog.create()).extracting("lines").isNotNull();
    System.setProperty("org.slf4j.simpleLogger.showThreadName", "true");
    try {
      assertThat(AccessLog.create()).extracting("lines").isNull();
    } finally {
      System.clearProperty("org.slf4j.simpleLogger.showThreadName");
    }
  }

  private static String format(long at) {
    return new SimpleDateFormat(AccessLog.TIME_FORMAT).format(new Date(at));
  }

  private static long parse(String time) {
    try {
      return new SimpleDateFormat(AccessLog.TIME_FORMAT).parse(time).getTime();
    } catch (java.text.ParseException e) {
      throw new AssertionError(time, e);
    }
  }
}
