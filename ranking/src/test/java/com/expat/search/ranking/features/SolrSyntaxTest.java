package com.expat.search.ranking.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SolrSyntaxTest {

  @Test
  void numbersParseBackToTheSameDouble() {
    SplittableRandom random = new SplittableRandom(21);
    for (int i = 0; i < 2000; i++) {
      double value = random.nextDouble() * Math.pow(10, random.nextInt(-12, 6)) * (random.nextBoolean() ? 1 : -1);
      String text = SolrSyntax.number(value);
      assertThat(text).matches("-?[0-9.]+");
      assertThat(Double.parseDouble(text)).isEqualTo(value);
    }
  }

  @Test
  void nonFiniteNumbersAreRejected() {
    assertThatThrownBy(() -> SolrSyntax.number(Double.NaN)).hasMessageContaining("NaN");
  }

  @Test
  void quotesAndBackslashesAreEscaped() {
    assertThat(SolrSyntax.quoted("a'b\\c)d,e")).isEqualTo("'a\\'b\\\\c)d,e'");
  }

  @Test
  void fieldNamesMustBePlainIdentifiers() {
    assertThatThrownBy(() -> SolrSyntax.field("a,b")).hasMessageContaining("a,b");
  }
}
