package com.expat.search.indexer.generate;

import com.expat.search.indexer.world.City;
import com.expat.search.indexer.world.Interest;
import com.expat.search.indexer.world.WorldFiles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The generator's reference data, read once from {@code world/} on the classpath: real cities
 * (GeoNames), countries, names, interests, occupations and text templates. Immutable.
 */
final class WorldData {
  private static volatile WorldData loaded;

  final List<City> cities;
  final Map<Long, Double> hubMultipliers;
  final List<Country> countries;
  final Map<String, Country> countriesByCode;
  final Map<String, NamePool> namePools;
  final List<Interest> interests;
  final List<String> interestCategories;
  final List<String> occupations;
  final Map<String, Map<String, List<String>>> texts;
  final List<String> venues;

  /** A row of {@code countries.tsv}. {@code languages.get(0)} is the native language. */
  record Country(
      int index,
      String code,
      String name,
      List<String> languages,
      String region,
      double originWeight,
      String namePool,
      double english) {}

  /** A name in its own script and its romanisation (the same string for Latin names). */
  record Name(String script, String latin) {}

  /** First and family names of one naming tradition. */
  record NamePool(
      String key, List<Name> first, List<Name> last, double nativeShare, boolean familyFirst) {}

  private WorldData() {
    cities = readCities();
    hubMultipliers = readHubs();
    countries = readCountries();
    Map<String, Country> byCode = new HashMap<>();
    countries.forEach(country -> byCode.put(country.code(), country));
    countriesByCode = Map.copyOf(byCode);
    namePools = readNames();
    interests = readInterests();
    interestCategories = interests.stream().map(Interest::category).distinct().toList();
    occupations = lines("occupations.txt");
    texts = readTexts();
    venues = lines("venues.txt");
    for (Country country : countries) {
      if (!namePools.containsKey(country.namePool())) {
        throw new IllegalStateException(
            "countries.tsv: " + country.code() + " names pool '" + country.namePool() + "', absent from names.tsv");
      }
    }
  }

  static WorldData get() {
    WorldData data = loaded;
    if (data == null) {
      synchronized (WorldData.class) {
        data = loaded;
        if (data == null) {
          data = new WorldData();
          loaded = data;
        }
      }
    }
    return data;
  }

  private static List<City> readCities() {
    List<City> cities = new ArrayList<>();
    for (String[] f : rows("cities.tsv", 8)) {
      cities.add(
          new City(
              Long.parseLong(f[0]),
              f[1],
              f[2],
              f[3],
              Double.parseDouble(f[4]),
              Double.parseDouble(f[5]),
              Integer.parseInt(f[6]),
              f[7]));
    }
    return List.copyOf(cities);
  }

  private static Map<Long, Double> readHubs() {
    Map<Long, Double> hubs = new HashMap<>();
    for (String[] f : rows("hubs.tsv", 3)) {
      hubs.put(Long.parseLong(f[0]), Double.parseDouble(f[2]));
    }
    return Map.copyOf(hubs);
  }

  private static List<Country> readCountries() {
    List<Country> countries = new ArrayList<>();
    for (String[] f : rows("countries.tsv", 7)) {
      countries.add(
          new Country(
              countries.size(),
              f[0],
              f[1],
              List.of(f[2].split(",")),
              f[3],
              Double.parseDouble(f[4]),
              f[5],
              Double.parseDouble(f[6])));
    }
    return List.copyOf(countries);
  }

  private static Map<String, NamePool> readNames() {
    Map<String, List<Name>> first = new LinkedHashMap<>();
    Map<String, List<Name>> last = new HashMap<>();
    Map<String, String> meta = new HashMap<>();
    for (String[] f : rows("names.tsv", 3)) {
      switch (f[1]) {
        case "meta" -> meta.put(f[0], f[2]);
        case "first" -> first.put(f[0], names(f[2]));
        case "last" -> last.put(f[0], names(f[2]));
        default -> throw new IllegalStateException("names.tsv: unknown kind " + f[1]);
      }
    }
    Map<String, NamePool> pools = new HashMap<>();
    for (String key : first.keySet()) {
      double nativeShare = 0;
      boolean familyFirst = false;
      for (String setting : meta.getOrDefault(key, "").split(";")) {
        if (setting.startsWith("native=")) {
          nativeShare = Double.parseDouble(setting.substring("native=".length()));
        } else if (setting.equals("familyFirst=true")) {
          familyFirst = true;
        }
      }
      if (!last.containsKey(key)) {
        throw new IllegalStateException("names.tsv: pool " + key + " has no family names");
      }
      pools.put(key, new NamePool(key, first.get(key), last.get(key), nativeShare, familyFirst));
    }
    return Map.copyOf(pools);
  }

  private static List<Name> names(String field) {
    List<Name> names = new ArrayList<>();
    for (String entry : field.split(";")) {
      int equals = entry.indexOf('=');
      names.add(
          equals < 0
              ? new Name(entry, entry)
              : new Name(entry.substring(0, equals), entry.substring(equals + 1)));
    }
    return List.copyOf(names);
  }

  private static List<Interest> readInterests() {
    List<Interest> interests = new ArrayList<>();
    for (String[] f : rows("interests.tsv", 3)) {
      interests.add(new Interest(interests.size() + 1, f[1], f[2], f[0]));
    }
    return List.copyOf(interests);
  }

  private static Map<String, Map<String, List<String>>> readTexts() {
    Map<String, Map<String, List<String>>> texts = new HashMap<>();
    for (String[] f : rows("texts.tsv", 3)) {
      texts.computeIfAbsent(f[0], language -> new HashMap<>())
          .computeIfAbsent(f[1], kind -> new ArrayList<>())
          .add(f[2]);
    }
    Map<String, Map<String, List<String>>> frozen = new HashMap<>();
    texts.forEach(
        (language, kinds) -> {
          Map<String, List<String>> copy = new HashMap<>();
          kinds.forEach((kind, templates) -> copy.put(kind, List.copyOf(templates)));
          frozen.put(language, Map.copyOf(copy));
        });
    return Map.copyOf(frozen);
  }

  private static List<String[]> rows(String file, int columns) {
    return WorldFiles.rows(file, columns);
  }

  private static List<String> lines(String file) {
    return WorldFiles.lines(file);
  }
}
