package com.expat.search.lab;

import java.util.List;

/**
 * A ranker under test: given a judged query, the ids of the documents it would show, best first.
 * The lab knows nothing else about it, so the production ranking (through the query service),
 * the ranking library's profiles, and baselines (random, popularity) are compared alike.
 * Implementations should be deterministic for a query (seed any randomness from the query id).
 */
public interface Ranker {
  /** A short name for reports, e.g. {@code random}, {@code service}, {@code profile:default}. */
  String name();

  /**
   * @param k how many documents are wanted (at most; fewer is allowed)
   * @throws RankerException when the ranker cannot answer (the service is down, ...)
   */
  List<String> rank(LabQuery query, int k);
}
