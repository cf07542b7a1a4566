package com.expat.search.query.members;

import com.expat.search.ranking.signals.LatLon;
import com.expat.search.vocabulary.Earth;
import com.expat.search.query.solr.Decimals;
import java.util.Optional;

/** A point on Earth in degrees; Solr writes it {@code "lat,lon"}. */
public record GeoPoint(double latitude, double longitude) {
  public GeoPoint {
    if (!(latitude >= -90 && latitude <= 90)) {
      throw new IllegalArgumentException("latitude must be in -90..90, was " + latitude);
    }
    if (!(longitude >= -180 && longitude <= 180)) {
      throw new IllegalArgumentException("longitude must be in -180..180, was " + longitude);
    }
  }

  /** Parses {@code "lat,lon"}; empty when the text is not one. */
  public static Optional<GeoPoint> parse(Object text) {
    if (text == null) {
      return Optional.empty();
    }
    String[] parts = text.toString().split(",", -1);
    if (parts.length != 2) {
      return Optional.empty();
    }
    try {
      double lat = Double.parseDouble(parts[0].strip());
      double lon = Double.parseDouble(parts[1].strip());
      if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) {
        return Optional.empty();
      }
      return Optional.of(new GeoPoint(lat, lon));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Great-circle distance in kilometres ({@link Earth#distanceKm}). */
  public double distanceKm(GeoPoint other) {
    return Earth.distanceKm(latitude, longitude, other.latitude, other.longitude);
  }

  /** The point as the model's signals hold it. */
  public LatLon latLon() {
    return new LatLon(latitude, longitude);
  }

  /** {@code "lat,lon"}, as Solr's spatial parameters take it. */
  public String solr() {
    return Decimals.fixed(latitude, 6) + "," + Decimals.fixed(longitude, 6);
  }
}
