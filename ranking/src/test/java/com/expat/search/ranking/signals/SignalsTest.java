package com.expat.search.ranking.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignalsTest {

  @Test
  void munichToBerlinIsAboutFiveHundredKilometres() {
    assertThat(new LatLon(48.137, 11.575).distanceKm(new LatLon(52.52, 13.405))).isCloseTo(504, within(3.0));
  }

  @Test
  void outOfRangeCoordinatesAreRejectedNamingTheValue() {
    assertThatThrownBy(() -> new LatLon(91, 0)).hasMessageContaining("was 91.0");
    assertThatThrownBy(() -> new LatLon(0, Double.NaN)).hasMessageContaining("NaN");
  }

  @Test
  void rarerInterestWeighsMoreAndUnknownCountsAsRarest() {
    Corpus corpus = Corpus.of(1000, Map.of("hiking", 500L, "falconry", 2L));
    assertThat(corpus.idf("falconry")).isGreaterThan(corpus.idf("hiking"));
    assertThat(corpus.idf("hiking")).isCloseTo(Math.log1p(2), within(1e-12));
    assertThat(corpus.idf("unheard-of")).isCloseTo(Math.log1p(1000), within(1e-12));
    assertThat(Corpus.uniform().idf("a")).isEqualTo(Corpus.uniform().idf("b"));
  }

  @Test
  void languageLevelsAreReadFromTheIndexFormStrongestWinning() {
    assertThat(LanguageLevel.parseCodes(List.of("de:native", "EN:Fluent", "en:basic", "fr", ":native", "es:expert")))
        .containsExactlyInAnyOrderEntriesOf(Map.of("de", LanguageLevel.NATIVE, "en", LanguageLevel.FLUENT));
  }

  @Test
  void textRelevanceMustBeNormalized() {
    assertThatThrownBy(() -> new Candidate<>("x", 1.5)).hasMessageContaining("1.5");
  }
}
