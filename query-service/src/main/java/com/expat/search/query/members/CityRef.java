package com.expat.search.query.members;

/** Where a member lives: {@code name} and {@code countryCode} are null for a city with no row. */
public record CityRef(Long id, String name, String countryCode) {}
