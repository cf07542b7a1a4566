package com.expat.search.indexer.world;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The reference tables, {@code cities} and {@code interests}, held in memory: a few thousand
 * cities and a few hundred interests. Immutable and thread-safe.
 */
public final class Catalog {
  private final Map<Long, City> cities;
  private final Map<Integer, Interest> interests;

  public Catalog(Collection<City> cities, Collection<Interest> interests) {
    this.cities = cities.stream().collect(Collectors.toUnmodifiableMap(City::id, Function.identity()));
    this.interests =
        interests.stream().collect(Collectors.toUnmodifiableMap(Interest::id, Function.identity()));
  }

  /** Empty when the id names no city row, which the contract allows. */
  public Optional<City> city(long id) {
    return Optional.ofNullable(cities.get(id));
  }

  /** Empty when the id names no interest row. */
  public Optional<Interest> interest(int id) {
    return Optional.ofNullable(interests.get(id));
  }

  public Collection<City> cities() {
    return cities.values();
  }

  public Collection<Interest> interests() {
    return interests.values();
  }
}
