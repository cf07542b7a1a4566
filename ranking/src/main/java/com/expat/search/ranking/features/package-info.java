/**
 * The ranking features as pure functions, each documented with its formula and range. Stateless
 * and thread-safe. The ranking inside Solr calls these same functions over its columns
 * ({@code ranking.solr.ColumnPrerank}, {@code EventColumnPrerank}): there is no second copy of a
 * formula in Solr's function syntax.
 */
package com.expat.search.ranking.features;
