/**
 * The ranking features as pure functions, each documented with its formula and range, and, where
 * Solr can compute it from the index, the equivalent Solr function query ({@code solr(...)}).
 * Stateless and thread-safe. Java and Solr agree to float precision: Solr's function queries
 * compute in {@code float}, so allow a relative difference of 1e-5 (plus up to a metre of
 * distance from point quantization in {@code geodist}).
 */
package com.expat.search.ranking.features;
