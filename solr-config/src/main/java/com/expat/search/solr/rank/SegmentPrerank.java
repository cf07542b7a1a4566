package com.expat.search.solr.rank;

import com.expat.search.ranking.signals.LanguageLevel;
import com.expat.search.ranking.solr.ColumnPrerank;
import com.expat.search.ranking.solr.DecayColumn;
import java.util.Arrays;

/**
 * {@link ColumnPrerank} bound to one segment's {@link MemberColumns}: the viewer's interests and
 * each language term weighed once per segment (the terms were read once, with the columns), the
 * dates' decays kept per segment ({@link DecayColumn}), then a document's pre-rank is array reads
 * and multiplications. The languages: per language code the viewer speaks, the byte of the
 * member's terms of that code ({@link MemberColumns#languageMasks}) picks the best pair from a
 * table of the code's few combinations, then the noisy-or over those; a per-request cache of each
 * language set's contribution (the segment's members share a few thousand sets) mostly missed,
 * each miss a walk over the set's terms. The closeness of the last point is remembered: members sit
 * at their city's coordinates and rebuilds write them city by city. A candidate that cannot reach
 * the window's floor even sharing the viewer's every interest and language at best is not scored
 * further ({@link #score(int, float)}). Not thread-safe: one per segment and request.
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
  /**
   * The language codes that can score (a term of theirs pairs with the viewer's level to other than
   * 0), in the order their terms sort, so in the order a member's set lists them: for each, the
   * sets' terms of it as bits ({@link MemberColumns#languageMasks}) and the best pair of each bit
   * combination (0 when none of its terms scores). A candidate's languages are then a byte read
   * and a table read per code the viewer speaks. Null when a code has no masks: then each language
   * set's contribution is computed the first time a candidate lists it ({@link #setScore}).
   */
  private final byte[][] codeMasks;
  private final double[][] codeBest;
  /** Each language set's contribution ({@link MemberColumns#languageSet}), NaN until computed; without {@link #codeMasks}. */
  private final double[] setScore;
  /** The most the interests can add: the viewer's every interest shared. */
  private final double maxInterests;
  /** The most the languages can add: the best level of each language the viewer speaks. */
  private final double maxLanguages;
  private final boolean readsDistance;
  /**
   * Whether an interest or a language can add other than 0: else their columns are not read (an
   * anonymous search's pre-rank read them for sums of zeros, two of its five random reads).
   */
  private final boolean readsInterests;
  private final boolean readsLanguages;
  private final DecayColumn.Weighted activity;
  private final DecayColumn.Weighted newness;
  private double lastLatitude = Double.NaN;
  private double lastLongitude = Double.NaN;
  private double lastDistance;

  SegmentPrerank(ColumnPrerank model, MemberColumns columns) {
    this(model, columns, true);
  }

  /**
   * @param byCode whether the languages may come from the codes' masks; false scores each
   *     language set once per request (what a segment whose codes have no masks does; tests
   *     compare both)
   */
  SegmentPrerank(ColumnPrerank model, MemberColumns columns, boolean byCode) {
    this.model = model;
    this.columns = columns;
    this.readsDistance = model.readsDistance();
    this.activity = model.activity(columns.activity(model.activityRate()));
    this.newness = model.newness(columns.newness(model.newnessRate()));
    // Only the viewer's few interests weigh anything: found by term, not every term looked up.
    interestWeight = new double[columns.interests.length];
    for (String slug : model.viewerInterests()) {
      int ord = columns.interestOrd(slug);
      if (ord >= 0) {
        interestWeight[ord] = model.interest(slug);
      }
    }
    // The viewer's level once per language code of the segment, then each term's pair.
    LanguageLevel[] mine = new LanguageLevel[columns.languageCodes.length];
    for (int code = 0; code < mine.length; code++) {
      mine[code] = model.viewerLevel(columns.languageCodes[code]);
    }
    languagePair = new double[columns.languages.length];
    languageCode = columns.languageCodeIndex;
    for (int ord = 0; ord < languagePair.length; ord++) {
      languagePair[ord] = model.languagePair(mine[languageCode[ord]], columns.languagePairLevel[ord]);
    }
    bestPairs = new double[Math.max(1, columns.languageCodes.length)];
    seenCodes = new int[bestPairs.length];
    boolean[] scoring = scoringCodes(columns, languagePair);
    byte[][] masks = byCode ? codeMasks(columns, scoring) : null;
    if (masks != null) {
      codeMasks = masks;
      codeBest = new double[masks.length][];
      int next = 0;
      for (int code = 0; code < scoring.length; code++) {
        if (scoring[code]) {
          codeBest[next++] = bestOfMasks(columns.languageCodeFirst[code], columns.languageCodeTerms[code], languagePair);
        }
      }
      setScore = null;
    } else {
      codeMasks = null;
      codeBest = null;
      setScore = new double[columns.languageSets()];
      Arrays.fill(setScore, Double.NaN);
    }
    double interests = 0;
    boolean anyInterest = false;
    for (double weight : interestWeight) {
      interests += Math.max(0, weight);
      anyInterest |= weight != 0;
    }
    readsInterests = anyInterest;
    boolean anyLanguage = false;
    for (boolean one : scoring) {
      anyLanguage |= one;
    }
    readsLanguages = anyLanguage;
    maxInterests = interests;
    double[] bestOfCode = new double[bestPairs.length];
    boolean fractions = true;
    for (int ord = 0; ord < languagePair.length; ord++) {
      fractions &= languagePair[ord] >= 0 && languagePair[ord] <= 1;
      bestOfCode[languageCode[ord]] = Math.max(bestOfCode[languageCode[ord]], languagePair[ord]);
    }
    // The noisy-or grows with each pair only while pairs are in 0..1; otherwise no bound is known.
    maxLanguages = fractions ? model.languages(bestOfCode, bestOfCode.length) : Double.POSITIVE_INFINITY;
  }

  /**
   * The most the whole model's features other than {@code text} and {@code reciprocal_interests}
   * give any member of the segment, without reading a member: the closeness at the viewer's own
   * place, the viewer's every interest and language at the segment's best levels ({@link
   * #maxInterests}, {@link #maxLanguages}), the decays at the segment's newest dates ({@link
   * DecayColumn.Weighted#most}) and its best profile quality. It bounds the model (not only this
   * pre-rank, which reads quality unclamped) because every feature value is in [0, 1] and falls
   * with nothing a member has more of (ranking/README.md, "Monotonicity"); each term is at least 0
   * so that a weight below 0, which the profiles refuse, could not make it less. NaN when a
   * quality is NaN, infinite when the languages have no bound: then it bounds nothing.
   */
  double most() {
    // Math.min and max keep a NaN.
    double quality = Math.max(0, model.quality(Math.min(1, Math.max(0, columns.maxQuality))));
    return model.mostDistance() + maxInterests + Math.max(0, maxLanguages) + activity.most() + newness.most() + quality;
  }

  /** The pre-rank of segment document {@code doc}. */
  double score(int doc) {
    return score(doc, Float.NEGATIVE_INFINITY);
  }

  /**
   * The pre-rank of segment document {@code doc}, or {@link Double#NEGATIVE_INFINITY} when it is
   * below {@code floor} as a float whatever its interests and languages: a window whose worst
   * score is {@code floor} would not take it (one below it may also come back as its score).
   */
  double score(int doc, float floor) {
    double score = fixed(doc);
    if (below(score + maxInterests + maxLanguages, floor)) {
      return Double.NEGATIVE_INFINITY;
    }
    if (readsInterests) {
      for (int i = columns.interestStart[doc], end = columns.interestStart[doc + 1]; i < end; i++) {
        score += interestWeight[columns.interestOrds[i]];
      }
    }
    if (!readsLanguages) {
      return score;
    }
    int set = columns.languageSet[doc];
    if (set >= 0) {
      if (below(score + maxLanguages, floor)) {
        return Double.NEGATIVE_INFINITY;
      }
      score += codeMasks != null ? languagesByCode(set) : languagesBySet(set);
    }
    return score;
  }

  /**
   * Whether a score of at most {@code bound} is below {@code floor} once a float. The margin covers
   * the rounding of adding the same terms in another order (the scores are sums of a few terms
   * of at most a few units: rounding is below 1e-14).
   */
  private static boolean below(double bound, float floor) {
    return (float) (bound + 1e-9) < floor;
  }

  /** Distance, the decays and quality: what every candidate has whatever the viewer shares. */
  private double fixed(int doc) {
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
    score += activity.value(doc, columns.lastActiveAt);
    score += newness.value(doc, columns.createdAt);
    return score + model.quality(columns.quality[doc]);
  }

  /**
   * Whether each language code can score: a term of it pairs with the viewer's level to other than 0.
   */
  private static boolean[] scoringCodes(MemberColumns columns, double[] languagePair) {
    boolean[] scoring = new boolean[columns.languageCodes.length];
    for (int ord = 0; ord < languagePair.length; ord++) {
      scoring[columns.languageCodeIndex[ord]] |= languagePair[ord] != 0;
    }
    return scoring;
  }

  /**
   * The masks of each code that can score, in code order (the order of their first terms, which is
   * the order a set's ascending ordinals list them); null when one of them has none.
   */
  private static byte[][] codeMasks(MemberColumns columns, boolean[] scoring) {
    int count = 0;
    for (boolean one : scoring) {
      count += one ? 1 : 0;
    }
    byte[][] masks = new byte[count][];
    for (int code = 0, next = 0; code < scoring.length; code++) {
      if (scoring[code]) {
        masks[next] = columns.languageMasks(code);
        if (masks[next++] == null) {
          return null;
        }
      }
    }
    return masks;
  }

  /**
   * For each combination of a code's {@code terms} terms (bit {@code i}: ordinal {@code first + i}),
   * the best pair as {@link #languages} picks it: the first pair other than 0 in ordinal order,
   * then any greater one; 0 when every pair is 0.
   */
  private static double[] bestOfMasks(int first, int terms, double[] languagePair) {
    double[] best = new double[1 << terms];
    for (int mask = 1; mask < best.length; mask++) {
      double kept = 0;
      boolean any = false;
      for (int i = 0; i < terms; i++) {
        double pair = languagePair[first + i];
        if ((mask & (1 << i)) == 0 || pair == 0) {
          continue;
        }
        if (!any) {
          kept = pair;
          any = true;
        } else if (pair > kept) {
          kept = pair;
        }
      }
      best[mask] = kept;
    }
    return best;
  }

  /** Language set {@code set}'s contribution from the codes' masks: the same pairs in the same order as {@link #languages}. */
  private double languagesByCode(int set) {
    int count = 0;
    for (int i = 0; i < codeMasks.length; i++) {
      double best = codeBest[i][codeMasks[i][set] & 0xFF];
      if (best != 0) {
        bestPairs[count++] = best;
      }
    }
    return count == 0 ? 0 : model.languages(bestPairs, count);
  }

  private double languagesBySet(int set) {
    double languages = setScore[set];
    if (Double.isNaN(languages)) {
      languages = languages(columns.languageStart[set], columns.languageStart[set + 1]);
      setScore[set] = languages;
    }
    return languages;
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
