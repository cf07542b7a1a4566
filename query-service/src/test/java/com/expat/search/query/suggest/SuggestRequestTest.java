package com.expat.search.query.suggest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.expat.search.query.http.ProblemException;
import com.expat.search.query.http.QueryParams;
import java.util.ArrayList;
import java.util.EnumMap;
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
    assertThat(request).isEqualTo(new SuggestRequest("mu", Set.of(SuggestType.values()), Optional.empty(), 10));
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
  void fuzzyOnlyFromFiveLetters() {
    assertThat(Suggest.fuzzyQueryText(List.of("mu"))).isEmpty();
    assertThat(Suggest.fuzzyQueryText(List.of("anna", "mulller"))).contains("anna mulller~1");
  }

  @Test
  void sharesOfTheSizeGoToEachTypeAndWhatOneCannotFillGoesToTheOthers() {
    Map<SuggestType, List<SuggestItem>> found = new EnumMap<>(SuggestType.class);
    found.put(SuggestType.CITY, items("city", 10));
    found.put(SuggestType.INTEREST, items("interest", 1));
    found.put(SuggestType.MEMBER, items("member", 10));
    List<SuggestItem> merged = Suggest.merge(found, 10);
    assertThat(merged).hasSize(10);
    assertThat(merged.stream().filter(i -> i.type().equals("interest")).count()).isEqualTo(1);
    assertThat(merged.get(0).type()).isEqualTo("city");
    assertThat(merged.get(merged.size() - 1).type()).isEqualTo("member");
  }

  private static List<SuggestItem> items(String type, int count) {
    List<SuggestItem> items = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      items.add(new SuggestItem(type, (long) i, null, type + i, null, null));
    }
    return items;
  }
}
