package com.expat.search.indexer.world;

/** A row of {@code cities}; {@code id} is the GeoNames id. */
public record City(
    long id,
    String name,
    String asciiName,
    String countryCode,
    double latitude,
    double longitude,
    int population,
    String timezone) {}
