package com.expat.search.bench.load;

/** A latency series: one endpoint answered from one cache tier (see {@link Reply}). */
public record SeriesKey(String endpoint, String tier) implements Comparable<SeriesKey> {
  @Override
  public int compareTo(SeriesKey other) {
    int byEndpoint = endpoint.compareTo(other.endpoint);
    return byEndpoint != 0 ? byEndpoint : tier.compareTo(other.tier);
  }

  @Override
  public String toString() {
    return endpoint + "/" + tier;
  }
}
