package com.expat.search.query.solr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryTextTest {

  @Test
  void plainWordsStaySeparateWords() {
    assertThat(QueryText.escape("  Anna   Müller ")).isEqualTo("Anna Müller");
  }

  @Test
  void controlCharactersAndLineBreaksBecomeSingleSpaces() {
    assertThat(QueryText.normalize("a\u0000b\r\n\tc\u0007")).isEqualTo("a b c");
  }

  @Test
  void localParamsAreEscaped() {
    assertThat(QueryText.escape("{!xmlparser v='<a/>'}")).isEqualTo("\\{\\!xmlparser v='<a\\/>'\\}");
  }

  @Test
  void fieldNamesWildcardsAndRangesAreEscaped() {
    assertThat(QueryText.escape("display_name:x")).isEqualTo("display_name\\:x");
    assertThat(QueryText.escape("*:*")).isEqualTo("\\*\\:\\*");
    assertThat(QueryText.escape("[* TO *]")).isEqualTo("\\[\\* to \\*\\]");
  }

  @Test
  void booleanOperatorWordsAreLowerCased() {
    assertThat(QueryText.escape("cats AND dogs OR NOT birds")).isEqualTo("cats and dogs or not birds");
    assertThat(QueryText.escape("&& || !")).isEqualTo("\\&\\& \\|\\| \\!");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"unbalanced", "(open", "a) b]", "x^2", "~fuzzy", "a\\", "+must -not", "/regex/",
      "{!terms f=id}1", "a:b:c", "?", "\\\\*"})
  void noSyntaxCharacterSurvivesUnescaped(String text) {
    String escaped = QueryText.escape(text);
    for (int i = 0; i < escaped.length(); i++) {
      char c = escaped.charAt(i);
      if (c == '\\') {
        i++; // an escaped pair: the next character is a literal
        continue;
      }
      assertThat("+-!():^[]\"{}~*?|&;/").as("unescaped %s in %s", c, escaped).doesNotContain(String.valueOf(c));
    }
  }

  @Test
  void emptyAndBlankTextEscapeToNothing() {
    assertThat(QueryText.escape(null)).isEmpty();
    assertThat(QueryText.escape(" \t\u0000 ")).isEmpty();
  }
}
