package com.expat.search.indexer.world;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.indexer.world.LocalNames.LocalName;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LocalNamesTest {
  private static final LocalNames NAMES = LocalNames.shipped();

  @Test
  void everyInterestHasANameToShowInEachOfTheNetworksLanguages() {
    for (String[] row : WorldFiles.rows("interests.tsv", 3)) {
      Set<String> labelled = NAMES.interest(row[1]).stream().filter(LocalName::label)
          .map(LocalName::language).collect(Collectors.toSet());
      assertThat(labelled).as(row[1]).containsExactlyInAnyOrder("de", "fr", "es", "it", "pt", "nl", "ru", "zh", "ja", "ar");
    }
  }

  @Test
  void translationsNameOnlyInterestsOfTheTaxonomyAndCitiesOfTheCityList() {
    Set<String> slugs = WorldFiles.rows("interests.tsv", 3).stream().map(r -> r[1]).collect(Collectors.toSet());
    Set<String> translated = WorldFiles.rows("interest-names.tsv", 12).stream().map(r -> r[0]).collect(Collectors.toSet());
    assertThat(translated).isEqualTo(slugs);
    Set<Long> cities = new HashSet<>();
    WorldFiles.rows("cities.tsv", 8).forEach(r -> cities.add(Long.parseLong(r[0])));
    WorldFiles.rows("city-names.tsv", 3).forEach(r -> assertThat(cities).as(r[2]).contains(Long.parseLong(r[0])));
  }

  @Test
  void citiesHaveTheirLocalAndTranslatedNames() {
    assertThat(NAMES.city(2867714)).contains(new LocalName("de", "München", true), new LocalName("ru", "Мюнхен", true));
    assertThat(NAMES.city(3067696)).contains(new LocalName("cs", "Praha", true));
    assertThat(NAMES.city(2886242)).contains(new LocalName("de", "Köln", true), new LocalName("en", "Cologne", true));
    assertThat(NAMES.city(1)).isEmpty();
  }

  @Test
  void synonymsAreFoundButNeverShownAndUncertaintyMarksAreNotPartOfANames() {
    List<LocalName> hiking = NAMES.interest("hiking");
    assertThat(hiking).contains(new LocalName("de", "Wandern", true), new LocalName("en", "trekking", false),
        new LocalName("zh", "登山", false));
    assertThat(NAMES.interest("travel-hacking")).allSatisfy(name -> assertThat(name.name()).doesNotContain("~"));
  }
}
