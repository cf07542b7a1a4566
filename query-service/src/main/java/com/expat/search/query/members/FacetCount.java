package com.expat.search.query.members;

/** One value of a facet with its label (null when unknown) and how many results have it. */
public record FacetCount(String value, String label, long count) {}
