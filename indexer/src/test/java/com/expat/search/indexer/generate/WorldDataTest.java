package com.expat.search.indexer.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.indexer.world.City;
import java.time.ZoneId;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WorldDataTest {
  private final WorldData data = WorldData.get();

  @Test
  void citiesAreRealWithValidCoordinatesPopulationsAndTimeZones() {
    assertThat(data.cities).hasSizeGreaterThan(5_000);
    assertThat(data.cities).allSatisfy(city -> {
      assertThat(city.latitude()).isBetween(-90.0, 90.0);
      assertThat(city.longitude()).isBetween(-180.0, 180.0);
      assertThat(city.population()).isGreaterThanOrEqualTo(50_000);
      assertThat(city.countryCode()).matches("[A-Z]{2}");
      assertThat(city.asciiName()).matches("[\\x20-\\x7e]+");
      assertThat(ZoneId.of(city.timezone())).isNotNull();
    });
    City london = data.cities.stream().filter(c -> c.id() == 2643743).findFirst().orElseThrow();
    assertThat(london.name()).isEqualTo("London");
    assertThat(london.countryCode()).isEqualTo("GB");
    assertThat(london.timezone()).isEqualTo("Europe/London");
    assertThat(data.cities.stream().map(City::id).distinct()).hasSameSizeAs(data.cities);
  }

  @Test
  void everyHubIsAKnownCity() {
    Set<Long> ids = data.cities.stream().map(City::id).collect(Collectors.toSet());
    assertThat(data.hubMultipliers.keySet()).hasSizeGreaterThan(50).allSatisfy(id -> assertThat(ids).contains(id));
  }

  @Test
  void everyCountryHasANamePoolAndLanguages() {
    assertThat(data.countries).allSatisfy(country -> {
      assertThat(data.namePools).containsKey(country.namePool());
      assertThat(country.languages()).isNotEmpty().allSatisfy(language -> assertThat(language).matches("[a-z]{2}"));
      assertThat(country.english()).isBetween(0.0, 1.0);
    });
  }

  @Test
  void everyTemplateLanguageHasHeadlinesBiosTitlesAndDescriptions() {
    assertThat(data.texts).containsKeys("en", "de", "fr", "es", "ja", "zh", "ko", "ru", "ar", "el");
    data.texts.forEach((language, kinds) ->
        assertThat(kinds).as(language).containsKeys("headline", "bio", "title", "description"));
  }

  @Test
  void occupationsFitTheColumn() {
    assertThat(data.occupations).hasSizeGreaterThan(50).allSatisfy(o -> assertThat(o.length()).isLessThanOrEqualTo(100));
  }
}
