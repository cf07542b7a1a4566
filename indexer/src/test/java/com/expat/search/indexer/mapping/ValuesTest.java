package com.expat.search.indexer.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ValuesTest {

  /** The cleaning as it was written before its fast path: every code point copied unless a dropped control. */
  private static String copiedText(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    StringBuilder clean = new StringBuilder(value.length());
    value.codePoints().filter(c -> !Character.isISOControl(c) || c == '\n' || c == '\t').forEach(clean::appendCodePoint);
    String result = clean.toString().strip();
    return result.isEmpty() ? null : result;
  }

  private static final List<String> TEXTS = List.of("Anna", "  Anna K.  ", "", "   ", "\t\n", "line\nbreak\ttab",
      "bell\u0007inside", "\u0000", " \u0000 ", "\u0085next line", "del\u007f", "caf\u00e9 \u00fcber",
      "emoji \uD83D\uDE00 face", "lone \uD800 surrogate", "\u2003em space\u2003", "\u00a0nbsp\u00a0",
      "\u001f\u001eunit", "text\r\nwindows");

  @Test
  void textIsWhatTheCodePointCopyGaveForEveryKindOfCharacter() {
    for (String value : TEXTS) {
      assertThat(Values.text(value)).as("%s", value.codePoints().boxed().toList()).isEqualTo(copiedText(value));
    }
    assertThat(Values.text(null)).isNull();
    assertThat(Values.text("bell\u0007inside")).isEqualTo("bellinside");
  }

  @Test
  void codesAreTwoAsciiLettersAfterStrippingAndLowering() {
    assertThat(Values.lowerCode(" EN ")).isEqualTo("en");
    assertThat(Values.upperCode("de")).isEqualTo("DE");
    for (String value : List.of("e", "eng", "e1", "é", "\u212Aa", "", "  ", "e n")) {
      assertThat(Values.lowerCode(value)).as(value).isEqualTo(
          value.strip().toLowerCase(Locale.ROOT).matches("[a-z]{2}") ? value.strip().toLowerCase(Locale.ROOT) : null);
    }
    assertThat(Values.lowerCode(null)).isNull();
  }
}
