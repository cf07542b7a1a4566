package com.expat.search.indexer.world;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The names people use for cities and interests in other languages, beside the one name of the
 * contract's tables: {@code world/city-names.tsv} (GeoNames alternate names, derived by
 * indexer/tools/derive-city-names.sh) and {@code world/interest-names.tsv} (hand-written). The
 * catalog's documents carry them, so that type-ahead and the name parameters find a city or an
 * interest by any of them, and answers can name them in the asker's language. Immutable.
 */
public final class LocalNames {
  /** The columns of interest-names.tsv after the slug. */
  static final List<String> INTEREST_LANGUAGES =
      List.of("en", "de", "fr", "es", "it", "pt", "nl", "ru", "zh", "ja", "ar");

  private static volatile LocalNames shipped;

  private final Map<Long, List<LocalName>> cities;
  private final Map<String, List<LocalName>> interests;

  /**
   * One name of a city or interest.
   *
   * @param language ISO 639-1 code
   * @param label whether it is the name to show in that language; otherwise a synonym, found but
   *     never shown
   */
  public record LocalName(String language, String name, boolean label) {}

  public LocalNames(Map<Long, List<LocalName>> cities, Map<String, List<LocalName>> interests) {
    this.cities = Map.copyOf(cities);
    this.interests = Map.copyOf(interests);
  }

  /** The names shipped on the classpath, read once. */
  public static LocalNames shipped() {
    LocalNames names = shipped;
    if (names == null) {
      synchronized (LocalNames.class) {
        if (shipped == null) {
          shipped = read();
        }
        names = shipped;
      }
    }
    return names;
  }

  /** Other names of the city with this GeoNames id; empty when none are known. */
  public List<LocalName> city(long id) {
    return cities.getOrDefault(id, List.of());
  }

  /** Names and synonyms of the interest in other languages; empty when none are known. */
  public List<LocalName> interest(String slug) {
    return interests.getOrDefault(slug, List.of());
  }

  private static LocalNames read() {
    Map<Long, List<LocalName>> cities = new HashMap<>();
    for (String[] f : WorldFiles.rows("city-names.tsv", 3)) {
      cities.computeIfAbsent(Long.parseLong(f[0]), id -> new ArrayList<>()).add(new LocalName(f[1], f[2], true));
    }
    Map<String, List<LocalName>> interests = new HashMap<>();
    for (String[] f : WorldFiles.rows("interest-names.tsv", INTEREST_LANGUAGES.size() + 1)) {
      List<LocalName> names = interests.computeIfAbsent(f[0], slug -> new ArrayList<>());
      for (int i = 0; i < INTEREST_LANGUAGES.size(); i++) {
        String language = INTEREST_LANGUAGES.get(i);
        String[] cell = f[i + 1].replace("~", "").split(";");
        for (int j = 0; j < cell.length; j++) {
          if (!cell[j].isBlank()) {
            // English names are interests.tsv's: the en cell holds synonyms only.
            names.add(new LocalName(language, cell[j].strip(), j == 0 && !language.equals("en")));
          }
        }
      }
    }
    Map<Long, List<LocalName>> frozenCities = new HashMap<>();
    cities.forEach((id, names) -> frozenCities.put(id, List.copyOf(names)));
    Map<String, List<LocalName>> frozenInterests = new HashMap<>();
    interests.forEach((slug, names) -> frozenInterests.put(slug, List.copyOf(names)));
    return new LocalNames(frozenCities, frozenInterests);
  }
}
