package com.expat.search.indexer.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SqlTextTest {
  @Test
  void escapesTheCharactersLoadDataInterprets() {
    StringBuilder out = new StringBuilder();
    SqlText.text(out, "a\tb\nc\\d\re\0f 😊 Çağlar");
    assertThat(out.toString()).isEqualTo("a\\tb\\nc\\\\d\\re\\0f 😊 Çağlar");
  }

  @Test
  void writesNullAsBackslashN() {
    StringBuilder out = new StringBuilder();
    SqlText.text(out, null);
    out.append('|');
    SqlText.number(out, null);
    out.append('|');
    SqlText.text(out, "");
    assertThat(out.toString()).isEqualTo("\\N|\\N|");
  }

  @Test
  void formatsDatetimesInUtcWithOrWithoutMillis() {
    StringBuilder out = new StringBuilder();
    SqlText.datetime(out, Instant.parse("2026-03-04T05:06:07.089Z"), true);
    out.append('|');
    SqlText.datetime(out, Instant.parse("0999-12-31T23:59:59.999Z"), false);
    assertThat(out.toString()).isEqualTo("2026-03-04 05:06:07.089|0999-12-31 23:59:59");
  }
}
