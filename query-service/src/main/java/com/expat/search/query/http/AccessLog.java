package com.expat.search.query.http;

import java.io.PrintStream;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Locale;
import java.util.TimeZone;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access log: one line a request, {@code <method> <path> <status> <ms>ms cache=<..> request_id=<..>}.
 *
 * <p>With the service's own logging set-up (slf4j-simple configured by the jar's
 * {@code simplelogger.properties}, no {@code org.slf4j.simpleLogger.*} system property changing
 * the line's layout) the line is written here, byte for byte as slf4j-simple writes it
 * ({@code 2026-12-05T21:54:13.743+0000 INFO com.expat.search.query.access - GET ...}), to the same
 * stream (standard error), only if the logger is enabled for INFO. slf4j-simple formats each line's
 * time with one shared, synchronized {@code SimpleDateFormat} (~3 % of the request threads' CPU
 * samples per member search, JFR, docs/benchmarks.md); here the time's text up to the second is
 * made once a second and the milliseconds appended. With any other logging set-up the line goes
 * through slf4j as before.
 */
final class AccessLog {
  static final String NAME = "com.expat.search.query.access";
  /** slf4j-simple's time format as the jar's {@code simplelogger.properties} sets it. */
  static final String TIME_FORMAT = "yyyy-MM-dd'T'HH:mm:ss.SSSZ";
  private static final String SIMPLE_FACTORY = "org.slf4j.simple.SimpleLoggerFactory";
  private static final String[] LAYOUT_PROPERTIES = {
    "showDateTime", "dateTimeFormat", "showThreadName", "showThreadId", "showLogName", "showShortLogName",
    "levelInBrackets", "logFile", "cacheOutputStream", "warnLevelString"
  };

  private final Logger logger;
  private final Lines lines;

  private AccessLog(Logger logger, Lines lines) {
    this.logger = logger;
    this.lines = lines;
  }

  /** The service's access log: written here when slf4j-simple writes it with the jar's layout. */
  static AccessLog create() {
    Logger logger = LoggerFactory.getLogger(NAME);
    boolean simple = SIMPLE_FACTORY.equals(LoggerFactory.getILoggerFactory().getClass().getName());
    for (String property : LAYOUT_PROPERTIES) {
      simple &= System.getProperty("org.slf4j.simpleLogger." + property) == null;
    }
    return new AccessLog(logger, simple ? new Lines(System::currentTimeMillis, () -> System.err) : null);
  }

  /** Writes the lines with {@code lines}' clock and stream; {@code lines} null: through slf4j. */
  static AccessLog of(Logger logger, Lines lines) {
    return new AccessLog(logger, lines);
  }

  void write(String method, String path, int status, String millis, String cache, String requestId) {
    if (!logger.isInfoEnabled()) {
      return;
    }
    if (lines == null) {
      logger.info("{} {} {} {}ms cache={} request_id={}", method, path, status, millis, cache, requestId);
      return;
    }
    lines.write(method + ' ' + path + ' ' + status + ' ' + millis + "ms cache=" + cache + " request_id=" + requestId);
  }

  /**
   * Lines as slf4j-simple writes them for the access logger: time, level, logger name, message;
   * the time in the default zone and format locale (as {@code new SimpleDateFormat(pattern)}), its text up to the second kept for the second.
   */
  static final class Lines {
    private final LongSupplier clock;
    private final Supplier<PrintStream> out;
    private final TimeZone zone;
    private final Locale locale;
    private volatile Second second;

    Lines(LongSupplier clock, Supplier<PrintStream> out) {
      this(clock, out, TimeZone.getDefault(), Locale.getDefault(Locale.Category.FORMAT));
    }

    Lines(LongSupplier clock, Supplier<PrintStream> out, TimeZone zone, Locale locale) {
      this.clock = clock;
      this.out = out;
      this.zone = zone;
      this.locale = locale;
    }

    void write(String message) {
      out.get().println(line(clock.getAsLong(), message));
    }

    /** The line slf4j-simple writes for {@code message} at {@code epochMillis}. */
    String line(long epochMillis, String message) {
      return time(epochMillis) + " INFO " + NAME + " - " + message;
    }

    /** {@code epochMillis} as {@code new SimpleDateFormat(TIME_FORMAT)} in the zone and locale writes it. */
    String time(long epochMillis) {
      long epochSecond = Math.floorDiv(epochMillis, 1000L);
      Second current = second;
      if (current == null || current.epochSecond != epochSecond) {
        current = Second.of(epochSecond, zone, locale);
        second = current;
      }
      if (current.head == null) {
        return current.format(epochMillis);
      }
      int millis = (int) Math.floorMod(epochMillis, 1000L);
      return new StringBuilder(current.head.length() + 3 + current.tail.length())
          .append(current.head)
          .append((char) ('0' + millis / 100))
          .append((char) ('0' + millis / 10 % 10))
          .append((char) ('0' + millis % 10))
          .append(current.tail)
          .toString();
    }
  }

  /**
   * One second's time text, split around its milliseconds: {@code head} up to them, {@code tail}
   * after (the zone's offset). Null {@code head} when the locale does not write the milliseconds as
   * ASCII digits: then each time is formatted whole.
   */
  private record Second(long epochSecond, String head, String tail, TimeZone zone, Locale locale) {
    static Second of(long epochSecond, TimeZone zone, Locale locale) {
      String whole = formatter(zone, locale).format(new Date(epochSecond * 1000L));
      String probe = formatter(zone, locale).format(new Date(epochSecond * 1000L + 987));
      int at = whole.indexOf(".000");
      boolean split = at >= 0 && whole.indexOf(".000", at + 1) < 0
          && probe.equals(whole.substring(0, at) + ".987" + whole.substring(at + 4));
      return split
          ? new Second(epochSecond, whole.substring(0, at + 1), whole.substring(at + 4), zone, locale)
          : new Second(epochSecond, null, null, zone, locale);
    }

    String format(long epochMillis) {
      return formatter(zone, locale).format(new Date(epochMillis));
    }

    private static SimpleDateFormat formatter(TimeZone zone, Locale locale) {
      SimpleDateFormat format = new SimpleDateFormat(TIME_FORMAT, locale);
      format.setTimeZone(zone);
      return format;
    }
  }
}
