package com.expat.search.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageTermsTest {
  @Test
  void aTermIsTheCodeAndTheLevelJoinedByAColon() {
    assertThat(LanguageTerms.of("de", "native")).isEqualTo("de:native");
  }

  @Test
  void aTermReadsBackAsItsCodeAndLevel() {
    String term = LanguageTerms.of("pt", "intermediate");
    assertThat(LanguageTerms.code(term)).isEqualTo("pt");
    assertThat(LanguageTerms.level(term)).isEqualTo("intermediate");
  }

  @Test
  void theCodeIsFoldedToLowerCaseAndBothPartsStripped() {
    assertThat(LanguageTerms.code(" DE :fluent")).isEqualTo("de");
    assertThat(LanguageTerms.level("de: fluent ")).isEqualTo("fluent");
  }

  @Test
  void textWithoutACodeBeforeAColonIsNoTerm() {
    assertThat(LanguageTerms.code("native")).isNull();
    assertThat(LanguageTerms.code(":native")).isNull();
    assertThat(LanguageTerms.level(":native")).isNull();
    assertThat(LanguageTerms.code(null)).isNull();
    assertThat(LanguageTerms.level(null)).isNull();
  }
}
