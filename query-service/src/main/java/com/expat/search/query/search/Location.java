package com.expat.search.query.search;

import com.expat.search.query.http.QueryParams;
import com.expat.search.query.members.GeoPoint;
import com.expat.search.query.solr.QueryText;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** Where a search looks: members of a city, or within a radius of a point. */
public sealed interface Location {

  /**
   * Members living in {@code cityId}; with a radius, members within it of the city's centre.
   */
  record InCity(long cityId, Optional<Double> radiusKm) implements Location {}

  record Near(GeoPoint point, double radiusKm) implements Location {}

  /**
   * A city given by one of its names, in any language or script ("München", "Wien", "Москва");
   * resolved to {@link InCity} through the catalog ({@link CatalogLookup#resolve}).
   *
   * @param name normalized text, at most {@link #MAX_NAME_LENGTH} characters
   */
  record NamedCity(String name, Optional<Double> radiusKm) implements Location {}

  int MAX_NAME_LENGTH = 100;

  /**
   * Reads {@code city} (an id, or a name: any value with a letter in it), {@code near} and {@code
   * radius_km}, rejecting bad or conflicting values on {@code params}; {@code near} without a
   * radius uses {@code defaultRadiusKm}.
   */
  public static Optional<Location> parse(QueryParams params, double defaultRadiusKm) {
    Optional<String> cityName = params.string("city")
        .filter(value -> value.codePoints().anyMatch(Character::isLetter))
        .map(QueryText::normalize);
    OptionalLong city = cityName.isPresent() ? OptionalLong.empty() : params.id("city");
    if (cityName.isPresent() && cityName.get().codePointCount(0, cityName.get().length()) > MAX_NAME_LENGTH) {
      params.reject("city", "a city name must be at most " + MAX_NAME_LENGTH + " characters");
      cityName = Optional.empty();
    }
    Optional<String> near = params.string("near");
    OptionalDouble radius = params.decimal("radius_km", 1, 1000);
    if (params.has("city") && params.has("near")) {
      params.reject("near", "give either city or near, not both");
      return Optional.empty();
    }
    if (near.isPresent()) {
      Optional<GeoPoint> point = GeoPoint.parse(near.get());
      if (point.isEmpty()) {
        params.reject("near", "must be lat,lon with latitude -90..90 and longitude -180..180");
        return Optional.empty();
      }
      return Optional.of(new Location.Near(point.get(), radius.orElse(defaultRadiusKm)));
    }
    if (city.isPresent()) {
      return Optional.of(new Location.InCity(
          city.getAsLong(), radius.isPresent() ? Optional.of(radius.getAsDouble()) : Optional.empty()));
    }
    if (cityName.isPresent()) {
      return Optional.of(new Location.NamedCity(
          cityName.get(), radius.isPresent() ? Optional.of(radius.getAsDouble()) : Optional.empty()));
    }
    if (radius.isPresent() && !params.has("city")) {
      params.reject("radius_km", "needs city or near");
    }
    return Optional.empty();
  }
}
