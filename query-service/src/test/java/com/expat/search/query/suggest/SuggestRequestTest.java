package com.expat.search.query.suggest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.expat.search.query.http.ProblemException;
import com.expat.search.query.http.QueryParams;
import com.expat.search.query.i18n.Folding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SuggestRequestTest {

  static QueryParams params(String... pairs) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.computeIfAbsent(pairs[i], k -> new ArrayList<>()).add(pairs[i + 1]);
    }
    return new QueryParams(map);
  }

  @Test
  void defaultsToEveryTypeAndTenItems() {
    SuggestRequest request = SuggestRequest.parse(params("q", "  mu "));
    assertThat(request).isEqualTo(new SuggestRequest("mu", Set.of(SuggestType.values()), Optional.empty(), 10, "en"));
    assertThat(SuggestRequest.parse(params("q", "mu", "types", "MEMBER,city", "types", "city")).types())
        .containsExactlyInAnyOrder(SuggestType.CITY, SuggestType.MEMBER);
  }

  @Test
  void textIsRequiredAndShort() {
    assertThatThrownBy(() -> SuggestRequest.parse(params())).isInstanceOf(ProblemException.class)
        .hasMessageContaining("q:");
    assertThatThrownBy(() -> SuggestRequest.parse(params("q", "\u0000 \t"))).hasMessageContaining("q:");
    assertThatThrownBy(() -> SuggestRequest.parse(params("q", "x".repeat(101)))).hasMessageContaining("q:");
    assertThatThrownBy(() -> SuggestRequest.parse(params("q", "x", "types", "planet"))).hasMessageContaining("types:");
  }

  @Test
  void foldingKeepsOnlyLowerCaseLettersAndDigits() {
    assertThat(Folding.words("Çağlar SÃO-Paulo*:* {!x} Straße")).containsExactly("caglar", "sao", "paulo", "x", "strasse");
  }

  @Test
  void typoToleranceGrowsWithTheWord() {
    assertThat(Suggest.fuzzyQueryText(List.of("mu"))).isEmpty();
    assertThat(Suggest.fuzzyQueryText(List.of("hik"))).isEmpty();
    assertThat(Suggest.fuzzyQueryText(List.of("wein"))).contains("wein~1");
    assertThat(Suggest.fuzzyQueryText(List.of("anna", "mulller"))).contains("anna~1 mulller~1");
    assertThat(Suggest.fuzzyQueryText(List.of("photograhpy"))).contains("photograhpy~2");
  }

  @Test
  void theWholeNameMatchesBestThenItsStartThenALaterWord() {
    double whole = MatchQuality.of(List.of("munchen"), Folding.words("München"));
    double start = MatchQuality.of(List.of("munch"), Folding.words("München"));
    double later = MatchQuality.of(List.of("baviera"), Folding.words("Monaco di Baviera"));
    assertThat(whole).isEqualTo(MatchQuality.EXACT);
    assertThat(start).isLessThan(whole).isGreaterThan(later);
    assertThat(MatchQuality.of(List.of("munchen"), Folding.words("Mönchengladbach"))).isZero();
    assertThat(MatchQuality.best(List.of("moskva"), List.of("Moscow", "Москва"))).isEqualTo(MatchQuality.OTHERWISE);
  }

  @Test
  void aPopularInterestOutranksASmallTownAndABigCityASmallerOne() {
    SuggestItem hikone = SuggestItem.city(1, "Hikone", "JP");
    SuggestItem hiking = SuggestItem.interest("hiking", "Hiking");
    List<Suggest.Candidate> candidates = List.of(
        new Suggest.Candidate(hikone, List.of("Hikone"), Suggest.cityPrior(112_000), false),
        new Suggest.Candidate(hiking, List.of("Hiking", "Wandern"), Suggest.interestPrior(40_000), false));
    assertThat(Suggest.rank(List.of("hik"), candidates, 10)).containsExactly(hiking, hikone);

    SuggestItem munich = SuggestItem.city(2, "Munich", "DE");
    SuggestItem gladbach = SuggestItem.city(3, "Mönchengladbach", "DE");
    assertThat(Suggest.rank(List.of("munchen"), List.of(
        new Suggest.Candidate(gladbach, List.of("Mönchengladbach"), Suggest.cityPrior(261_000), true),
        new Suggest.Candidate(munich, List.of("Munich", "München"), Suggest.cityPrior(1_260_000), false)), 1))
        .containsExactly(munich);
  }

  @Test
  void theLabelLanguageComesFromLocaleOrAcceptLanguage() {
    assertThat(SuggestRequest.parse(params("q", "mu")).locale()).isEqualTo("en");
    assertThat(SuggestRequest.parse(params("q", "mu", "locale", "de-AT")).locale()).isEqualTo("de");
    assertThat(SuggestRequest.parse(params("q", "mu", "locale", "zh_Hans_CN")).locale()).isEqualTo("zh");
    assertThat(SuggestRequest.parse(params("q", "mu", "locale", "cs")).locale()).isEqualTo("en");
    assertThatThrownBy(() -> SuggestRequest.parse(params("q", "mu", "locale", "{!x}"))).hasMessageContaining("locale:");
    assertThat(SuggestRequest.parse(new QueryParams(Map.of("q", List.of("mu")),
        Optional.of("cs;q=0.9, ja;q=0.8, en;q=0.5"))).locale()).isEqualTo("ja");
    assertThat(SuggestRequest.parse(new QueryParams(Map.of("q", List.of("mu")), Optional.of("@@@"))).locale())
        .isEqualTo("en");
  }
}
