package com.expat.search.ranking.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.expat.search.ranking.features.LanguageFit;
import com.expat.search.ranking.features.LevelWeights;
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

  @Test
  void aViewersLanguagesAreKeptInCodeOrderSoTheLanguageFitIsTheSameOnEveryJvm() {
    Map<String, LanguageLevel> given = new LinkedHashMap<>();
    given.put("pt", LanguageLevel.FLUENT);
    given.put("de", LanguageLevel.BASIC);
    given.put("ru", LanguageLevel.NATIVE);
    given.put("en", LanguageLevel.FLUENT);
    given.put("ar", LanguageLevel.BASIC);
    given.put("fr", LanguageLevel.NATIVE);
    Viewer viewer = new Viewer(1, null, null, given, null, null);
    MemberSignals member = new MemberSignals(2, null, 0, null, null, given, null, null, null, 0.5);

    assertThat(viewer.languages().keySet()).containsExactly("ar", "de", "en", "fr", "pt", "ru");
    assertThat(member.languages().keySet()).containsExactly("ar", "de", "en", "fr", "pt", "ru");
    assertThat(viewer.languages()).isEqualTo(given);
    assertThatThrownBy(() -> viewer.languages().put("it", LanguageLevel.BASIC))
        .isInstanceOf(UnsupportedOperationException.class);

    LevelWeights weights = new LevelWeights(0.95, 0.85, 0.5, 0.25);
    double none = 1;
    for (String code : List.of("ar", "de", "en", "fr", "pt", "ru")) {
      none = LanguageFit.andNot(none, LanguageFit.pair(given.get(code), given.get(code), weights));
    }
    assertThat(LanguageFit.value(viewer.languages(), member.languages(), weights)).isEqualTo(1 - none);
  }
}
