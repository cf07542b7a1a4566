/**
 * The catalog core (one document per city and per interest) as the service uses it: {@link
 * com.expat.search.query.catalog.Catalog} reads the whole core once per {@code
 * CATALOG_CACHE_TTL_SECONDS}, apart from any request, into one {@link
 * com.expat.search.query.catalog.CatalogSnapshot}: the names that recognise a city or an interest
 * in a search text, every city's point, and the cities within a radius ({@link
 * com.expat.search.query.catalog.CityPoints}).
 */
package com.expat.search.query.catalog;
