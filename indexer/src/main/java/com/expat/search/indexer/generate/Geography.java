package com.expat.search.indexer.generate;

import com.expat.search.indexer.generate.WorldData.Country;
import com.expat.search.indexer.world.City;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;

/**
 * Where members live and where they come from. A city's weight is population^0.9 times its hub
 * multiplier (London, Dubai, Lisbon, ...) times how much its region draws expats, which gives a
 * few hubs a large share and a long tail of cities with a handful of members. Origins mix by
 * base weight, shared region, shared language and known migration corridors.
 */
final class Geography {
  static final double LOCAL_SHARE = 0.12;
  private static final double POPULATION_EXPONENT = 0.9;
  private static final Map<String, Double> REGION_DRAW =
      Map.of(
          "EU", 1.0, "NA", 0.7, "OC", 1.0, "ME", 0.8, "EA", 0.45, "SE", 0.8, "LA", 0.5, "EE", 0.45,
          "AF", 0.2, "SA", 0.12);
  private static final Set<String> GULF = Set.of("AE", "QA", "SA", "KW", "BH", "OM");
  private static final Set<String> TO_GULF = Set.of("IN", "PK", "PH", "BD", "LK", "NP", "EG", "LB", "JO");
  private static final Set<String> ASIAN_HUBS = Set.of("SG", "HK", "MY", "TH");
  private static final Set<String> TO_ASIAN_HUBS = Set.of("CN", "IN", "PH", "ID", "MY", "AU", "GB", "KR", "JP");
  private static final Set<String> NORTH_AMERICA = Set.of("US", "CA");
  private static final Set<String> TO_NORTH_AMERICA = Set.of("IN", "CN", "MX", "PH", "KR", "GB");

  private final WorldData data;
  private final WeightedSampler cities;
  private final Map<String, WeightedSampler> originsByDestination = new ConcurrentHashMap<>();
  private final ZoneId[] zones;

  Geography(WorldData data) {
    this.data = data;
    List<City> all = data.cities;
    double[] weights = new double[all.size()];
    zones = new ZoneId[all.size()];
    for (int i = 0; i < all.size(); i++) {
      City city = all.get(i);
      Country country = data.countriesByCode.get(city.countryCode());
      double draw = country == null ? 0.08 : REGION_DRAW.getOrDefault(country.region(), 0.3);
      weights[i] =
          Math.pow(city.population(), POPULATION_EXPONENT)
              * data.hubMultipliers.getOrDefault(city.id(), 1.0)
              * draw;
      zones[i] = ZoneId.of(city.timezone());
    }
    cities = new WeightedSampler(weights);
  }

  int cityCount() {
    return data.cities.size();
  }

  City city(int index) {
    return data.cities.get(index);
  }

  ZoneId zone(int index) {
    return zones[index];
  }

  int sampleCity(RandomGenerator random) {
    return cities.sample(random);
  }

  /** The country of a city, or null when countries.tsv does not know it. */
  Country countryOf(int cityIndex) {
    return data.countriesByCode.get(city(cityIndex).countryCode());
  }

  /** The main language spoken in a city, or null when unknown. */
  String localLanguage(int cityIndex) {
    Country country = countryOf(cityIndex);
    return country == null ? null : country.languages().get(0);
  }

  Country country(int index) {
    return data.countries.get(index);
  }

  Country sampleOrigin(int cityIndex, RandomGenerator random) {
    Country destination = countryOf(cityIndex);
    if (destination != null && random.nextDouble() < LOCAL_SHARE) {
      return destination;
    }
    String code = city(cityIndex).countryCode();
    WeightedSampler origins =
        originsByDestination.computeIfAbsent(code, key -> originSampler(key, destination));
    return data.countries.get(origins.sample(random));
  }

  private WeightedSampler originSampler(String destinationCode, Country destination) {
    double[] weights = new double[data.countries.size()];
    for (Country origin : data.countries) {
      if (origin.code().equals(destinationCode)) {
        continue;
      }
      double weight = origin.originWeight();
      if (destination != null) {
        if (origin.region().equals(destination.region())) {
          weight *= 2.5;
        }
        if (origin.languages().get(0).equals(destination.languages().get(0))) {
          weight *= 2.5;
        }
      }
      if (GULF.contains(destinationCode) && TO_GULF.contains(origin.code())) {
        weight *= 5;
      } else if (ASIAN_HUBS.contains(destinationCode) && TO_ASIAN_HUBS.contains(origin.code())) {
        weight *= 2;
      } else if (NORTH_AMERICA.contains(destinationCode) && TO_NORTH_AMERICA.contains(origin.code())) {
        weight *= 2;
      }
      weights[origin.index()] = weight;
    }
    return new WeightedSampler(weights);
  }
}
