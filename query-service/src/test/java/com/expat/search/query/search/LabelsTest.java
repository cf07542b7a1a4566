package com.expat.search.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelsTest {
  private static final List<String> LANGUAGES = List.of("en", "de", "pt-BR", "zh-Hant", "ar", "xx-bogus", "");

  @Test
  void languageNamesAreTheJdksAskedOnceOrAgain() {
    List<String> codes = new ArrayList<>(List.of(Locale.getISOLanguages()));
    codes.addAll(List.of("xx", "zz", "EN", "", "tlh", "de-CH", "a-b-c"));
    for (String language : LANGUAGES) {
      Map<String, String> expected = new HashMap<>();
      Locale in = Locale.forLanguageTag(language);
      for (String code : codes) {
        String name = Locale.forLanguageTag(code).getDisplayLanguage(in);
        if (!name.isEmpty() && !name.equalsIgnoreCase(code)) {
          expected.put(code, name);
        }
      }
      assertThat(Labels.languages(codes, language)).as(language).isEqualTo(expected);
      assertThat(Labels.languages(codes, language)).as(language + ", again").isEqualTo(expected);
      assertThat(Labels.languages(codes.subList(0, 3), language)).as(language + ", some")
          .isEqualTo(expected.entrySet().stream().filter(e -> codes.subList(0, 3).contains(e.getKey()))
              .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }
  }

  @Test
  void countryNamesAreTheJdksAskedOnceOrAgain() {
    List<String> codes = new ArrayList<>(List.of(Locale.getISOCountries()));
    codes.addAll(List.of("XX", "zz", "", "de", "EU", "419"));
    for (String language : LANGUAGES) {
      Map<String, String> expected = new HashMap<>();
      Locale in = Locale.forLanguageTag(language);
      for (String code : codes) {
        String name = new Locale("", code).getDisplayCountry(in);
        if (!name.isEmpty() && !name.equalsIgnoreCase(code)) {
          expected.put(code, name);
        }
      }
      assertThat(Labels.countries(codes, language)).as(language).isEqualTo(expected);
      assertThat(Labels.countries(codes, language)).as(language + ", again").isEqualTo(expected);
    }
  }

  @Test
  void beyondTheBoundNamesAreLookedUpEachTimeAndStillRight() {
    int[] lookUps = {0};
    Labels.Names names = new Labels.Names((code, in) -> {
      lookUps[0]++;
      return code.startsWith("n") ? "" : "name of " + code;
    });
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < Labels.MAX_KEPT + 10; i++) {
      codes.add((i % 3 == 0 ? "n" : "c") + i);
    }
    Map<String, String> first = names.of(codes, "en");
    assertThat(names.kept()).isEqualTo(Labels.MAX_KEPT);
    assertThat(lookUps[0]).isEqualTo(codes.size());
    assertThat(first).hasSize((int) codes.stream().filter(c -> c.startsWith("c")).count())
        .containsEntry("c1", "name of c1").doesNotContainKey("n0");

    assertThat(names.of(codes, "en")).isEqualTo(first);
    assertThat(lookUps[0]).as("only the 10 not kept looked up again").isEqualTo(codes.size() + 10);
    assertThat(names.of(List.of("c1", "c2"), "de")).as("a new language once the bound is reached")
        .containsOnly(Map.entry("c1", "name of c1"), Map.entry("c2", "name of c2"));
  }
}
