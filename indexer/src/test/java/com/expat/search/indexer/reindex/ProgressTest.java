package com.expat.search.indexer.reindex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintStream;
import java.io.OutputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressTest {
  private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());

  @Test
  void line_withKnownTotal_showsRateAndEta() {
    Progress progress = new Progress("members bulk", 1_000, NOWHERE);

    assertEquals("members bulk: 250 / 1,000 rows, 50 rows/s, ETA 15s",
        progress.line(250, Duration.ofSeconds(5).toNanos()));
  }

  @Test
  void line_whenDone_hasNoEta() {
    Progress progress = new Progress("events bulk", 1_000, NOWHERE);

    assertEquals("events bulk: 1,000 / 1,000 rows, 100 rows/s, ETA -",
        progress.line(1_000, Duration.ofSeconds(10).toNanos()));
  }

  @Test
  void line_withUnknownTotal_showsRowsAndRateOnly() {
    Progress progress = new Progress("members catch-up", Progress.UNKNOWN, NOWHERE);

    assertEquals("members catch-up: 42 rows, 21 rows/s", progress.line(42, Duration.ofSeconds(2).toNanos()));
  }

  @Test
  void format_usesHoursMinutesSeconds() {
    assertEquals("59s", Progress.format(Duration.ofSeconds(59)));
    assertEquals("3m19s", Progress.format(Duration.ofSeconds(199)));
    assertEquals("1h01m05s", Progress.format(Duration.ofSeconds(3_665)));
  }
}
