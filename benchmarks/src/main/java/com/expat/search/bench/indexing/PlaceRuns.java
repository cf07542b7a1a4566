package com.expat.search.bench.indexing;

import java.util.HashMap;
import java.util.Map;

/**
 * How a place's documents lie in docid order: the runs of consecutive documents of one place. A
 * place written in one run is read by a matches query as one stretch of docValues; a place spread
 * over many runs (id order: nearly one run per document) is read all over the index. Feed the
 * places in docid order, then {@link #summary()}. Not thread-safe.
 */
final class PlaceRuns {
  /** A document without a place: it ends the current run and is not counted. */
  static final long NO_PLACE = -1;

  private final Map<Long, long[]> byPlace = new HashMap<>();
  private long previous = NO_PLACE;
  private long documents;
  private long runs;

  /** The next document's place, in docid order. */
  void add(long place) {
    if (place != NO_PLACE) {
      long[] counts = byPlace.computeIfAbsent(place, p -> new long[2]);
      counts[0]++;
      documents++;
      if (place != previous) {
        counts[1]++;
        runs++;
      }
    }
    previous = place;
  }

  /**
   * @param documents documents with a place
   * @param places distinct places
   * @param runs runs of one place, all places together
   * @param runsPerDocumentsPlace the runs of a document's place, averaged over documents (a matches
   *     query's candidates are a place's documents, so this is what a query meets on average)
   * @param largestPlaceDocuments documents of the place with the most
   * @param largestPlaceRuns the runs of that place
   */
  record Summary(long documents, int places, long runs, double runsPerDocumentsPlace,
      long largestPlaceDocuments, long largestPlaceRuns) {

    /** Documents per run, on average. */
    double meanRunLength() {
      return runs == 0 ? 0 : (double) documents / runs;
    }
  }

  Summary summary() {
    double weighted = 0;
    long largestDocs = 0;
    long largestRuns = 0;
    for (long[] counts : byPlace.values()) {
      weighted += (double) counts[0] * counts[1];
      if (counts[0] > largestDocs) {
        largestDocs = counts[0];
        largestRuns = counts[1];
      }
    }
    return new Summary(documents, byPlace.size(), runs, documents == 0 ? 0 : weighted / documents,
        largestDocs, largestRuns);
  }
}
