package com.expat.search.solr.rank;

import com.expat.search.ranking.solr.ColumnPrerank;

/**
 * {@link ColumnPrerank} bound to one segment's {@link MemberColumns}: each interest and language
 * term weighed once per segment, then a document's pre-rank is array reads and a few
 * exponentials. The closeness of the last point is remembered: members sit at their city's
 * coordinates and rebuilds write them city by city. Not thread-safe: one per segment and request.
 */
final class SegmentPrerank {
  private final ColumnPrerank model;
  private final MemberColumns columns;
  private final double[] interestWeight;
  private final double[] languagePair;
  /** Index of the language code of each {@code language_levels} term, for one best pair per code. */
  private final int[] languageCode;
  private final double[] bestPairs;
  private final int[] seenCodes;
  private final boolean readsDistance;
  private double lastLatitude = Double.NaN;
  private double lastLongitude = Double.NaN;
  private double lastDistance;

  SegmentPrerank(ColumnPrerank model, MemberColumns columns) {
    this.model = model;
    this.columns = columns;
    this.readsDistance = model.readsDistance();
    interestWeight = new double[columns.interests.length];
    for (int ord = 0; ord < interestWeight.length; ord++) {
      interestWeight[ord] = model.interest(columns.interests[ord]);
    }
    languagePair = new double[columns.languages.length];
    languageCode = new int[columns.languages.length];
    java.util.Map<String, Integer> codes = new java.util.HashMap<>();
    for (int ord = 0; ord < languagePair.length; ord++) {
      String term = columns.languages[ord];
      languagePair[ord] = model.languagePair(term);
      int colon = Math.max(term.indexOf(':'), 0);
      languageCode[ord] = codes.computeIfAbsent(term.substring(0, colon), code -> codes.size());
    }
    bestPairs = new double[Math.max(1, codes.size())];
    seenCodes = new int[bestPairs.length];
  }

  /** The pre-rank of segment document {@code doc}. */
  double score(int doc) {
    double score = 0;
    if (readsDistance && !Double.isNaN(columns.latitude[doc])) {
      double latitude = columns.latitude[doc];
      double longitude = columns.longitude[doc];
      if (latitude != lastLatitude || longitude != lastLongitude) {
        lastLatitude = latitude;
        lastLongitude = longitude;
        lastDistance = model.distance(latitude, longitude);
      }
      score += lastDistance;
    }
    if (columns.lastActiveAt[doc] != MemberColumns.MISSING) {
      score += model.activity(columns.lastActiveAt[doc]);
    }
    if (columns.createdAt[doc] != MemberColumns.MISSING) {
      score += model.newness(columns.createdAt[doc]);
    }
    score += model.quality(columns.quality[doc]);
    for (int i = columns.interestStart[doc], end = columns.interestStart[doc + 1]; i < end; i++) {
      score += interestWeight[columns.interestOrds[i]];
    }
    int from = columns.languageStart[doc];
    int end = columns.languageStart[doc + 1];
    if (from < end) {
      score += languages(from, end);
    }
    return score;
  }

  private double languages(int from, int end) {
    // The strongest pair for each language code the member lists, then the noisy-or over codes.
    int count = 0;
    int[] seen = seenCodes;
    for (int i = from; i < end; i++) {
      int ord = columns.languageOrds[i];
      double pair = languagePair[ord];
      if (pair == 0) {
        continue;
      }
      int code = languageCode[ord];
      int at = indexOf(seen, count, code);
      if (at < 0) {
        seen[count] = code;
        bestPairs[count++] = pair;
      } else if (pair > bestPairs[at]) {
        bestPairs[at] = pair;
      }
    }
    return count == 0 ? 0 : model.languages(bestPairs, count);
  }

  private static int indexOf(int[] values, int count, int value) {
    for (int i = 0; i < count; i++) {
      if (values[i] == value) {
        return i;
      }
    }
    return -1;
  }
}
