package com.expat.search.solr.rank;

import com.expat.search.ranking.MatchModel;
import com.expat.search.ranking.Ranked;
import com.expat.search.ranking.features.InterestOverlap;
import com.expat.search.ranking.features.LanguageFit;
import com.expat.search.ranking.signals.LanguageLevel;
import com.expat.search.ranking.signals.MemberSignals;
import java.io.IOException;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReader;

/**
 * The whole model ({@link MatchModel}) over the {@link MemberColumns}, for one request: a member's
 * score from array reads, without building their {@link MemberSignals} (a map of languages, a set
 * of interests, two instants per member, hashing every slug: most of the window's cost). Per
 * segment, once per request: each interest's share of the viewer's weight by ordinal, the corpus's
 * idf by ordinal (kept by the columns per corpus), and the languages' fit once per language set.
 * The sums run over a member's interest ordinals in term order, the viewer's slug order: the same
 * score as the model over the member's signals (to the last bits of the reverse share, which a
 * set's iteration order already varies from JVM to JVM). Not thread-safe: one per request (the
 * window's ranking, a transformer's page).
 */
final class MemberScorer {
  private final MatchModel model;
  private final Map<MemberColumns, Segment> segments = new IdentityHashMap<>();
  private Segment last;

  MemberScorer(MatchModel model) {
    this.model = model;
  }

  /** The scorer of one segment's members. */
  Segment segment(MemberColumns columns) {
    if (last != null && last.columns == columns) {
      return last;
    }
    last = segments.computeIfAbsent(columns, Segment::new);
    return last;
  }

  /** One segment's members, scored for the request. */
  final class Segment {
    private final MemberColumns columns;
    /** The viewer's share of rarity weight of each interest by ordinal; 0 for an interest not theirs. */
    private final double[] share;
    private final double[] idf;
    /**
     * {@code shared_languages} of the language sets met so far (a segment has thousands of sets,
     * a request reads the few of its window or page); then of a member with none.
     */
    private final SetValues languages = new SetValues();
    private double noLanguages = Double.NaN;
    /** The viewer's levels in their map's order; for each {@code language_levels} term the index of its code there, or -1. */
    private final LanguageLevel[] viewerLevels;
    private final int[] viewerSlot;
    /** A member's strongest level of each of the viewer's languages, while a set is read. */
    private final LanguageLevel[] theirLevels;
    /** What {@link #readInterests} found: the viewer's share the member has, and the reverse. */
    private double shared;
    private double theirsShared;

    private Segment(MemberColumns columns) {
      this.columns = columns;
      this.share = new double[columns.interests.length];
      model.interestWeights().forEach((slug, weight) -> {
        int ord = columns.interestOrd(slug);
        if (ord >= 0) {
          share[ord] = weight;
        }
      });
      this.idf = columns.interestIdf(model.corpus());
      Map<String, LanguageLevel> viewerLanguages = model.viewer().languages();
      this.viewerLevels = new LanguageLevel[viewerLanguages.size()];
      this.theirLevels = new LanguageLevel[viewerLevels.length];
      this.viewerSlot = new int[columns.languages.length];
      Arrays.fill(viewerSlot, -1);
      int slot = 0;
      // The viewer's languages in their map's order, the order LanguageFit.value multiplies them in.
      for (Map.Entry<String, LanguageLevel> language : viewerLanguages.entrySet()) {
        viewerLevels[slot] = language.getValue();
        for (int ord = 0; ord < viewerSlot.length; ord++) {
          if (language.getKey().equals(columns.languageCodeOf[ord])) {
            viewerSlot[ord] = slot;
          }
        }
        slot++;
      }
    }

    /** The model's score of segment document {@code doc}. */
    double score(int doc, double textRelevance) {
      readInterests(doc);
      return model.score(textRelevance, columns.latitude[doc], columns.longitude[doc], shared, theirsShared,
          languages(doc), date(columns.lastActiveAt[doc]),
          date(columns.createdAt[doc]), quality(doc));
    }

    /**
     * The same score with the explanation: the member's signals are read for the reasons.
     *
     * @param reader the segment, for the city the reasons name; null leaves it unknown
     */
    Ranked<MemberSignals> explained(int doc, LeafReader reader, double textRelevance) throws IOException {
      readInterests(doc);
      return model.ranked(MemberReader.signals(columns, doc, reader), textRelevance, shared, theirsShared,
          languages(doc));
    }

    /** The member's nationality, null when unknown (for the diversity pass). */
    String origin(int doc) {
      return columns.origin[doc] < 0 ? null : columns.origins[columns.origin[doc]];
    }

    /** The member's interest slugs (for the diversity pass). */
    List<String> interests(int doc) {
      String[] slugs = new String[columns.interestStart[doc + 1] - columns.interestStart[doc]];
      for (int i = 0; i < slugs.length; i++) {
        slugs[i] = columns.interests[columns.interestOrds[columns.interestStart[doc] + i]];
      }
      return Arrays.asList(slugs);
    }

    /**
     * {@code shared}: the sum of the viewer's shares over the member's interests, in term order
     * as {@link InterestOverlap#share(Map, java.util.Set)} adds them; {@code theirsShared}: the
     * share of the member's rarity weight that the viewer has.
     */
    private void readInterests(int doc) {
      double mine = 0;
      double total = 0;
      double common = 0;
      for (int i = columns.interestStart[doc], end = columns.interestStart[doc + 1]; i < end; i++) {
        int ord = columns.interestOrds[i];
        total += idf[ord];
        if (share[ord] != 0) {
          mine += share[ord];
          common += idf[ord];
        }
      }
      shared = mine;
      theirsShared = InterestOverlap.share(common, total);
    }

    /** {@code shared_languages} of segment document {@code doc}, each set's computed once per request. */
    double languages(int doc) {
      int set = columns.languageSet[doc];
      if (set < 0) {
        if (Double.isNaN(noLanguages)) {
          noLanguages = model.sharedLanguages(Map.of());
        }
        return noLanguages;
      }
      int at = languages.find(set);
      if (languages.has(at)) {
        return languages.value(at);
      }
      double value = sharedLanguages(set);
      languages.put(at, set, value);
      return value;
    }

    /**
     * {@link MatchModel#sharedLanguages} of language set {@code set} from its terms, without the
     * maps: each of the viewer's languages at the member's strongest level listed ({@link
     * MemberColumns#languageLevels} reads the same terms), the pairs combined in the viewer's
     * order, as {@code LanguageFit.value} combines them (the same bits: MemberScorerTest). Through
     * the maps it was most of the model's part of the window's best (JFR, docs/benchmarks.md).
     */
    private double sharedLanguages(int set) {
      Arrays.fill(theirLevels, null);
      for (int i = columns.languageStart[set], end = columns.languageStart[set + 1]; i < end; i++) {
        int ord = columns.languageOrds[i];
        int slot = viewerSlot[ord];
        if (slot >= 0) {
          LanguageLevel level = columns.languageLevelOf[ord];
          theirLevels[slot] = theirLevels[slot] == null ? level : LanguageLevel.stronger(theirLevels[slot], level);
        }
      }
      double none = 1;
      for (int slot = 0; slot < viewerLevels.length; slot++) {
        if (theirLevels[slot] != null) {
          none = LanguageFit.andNot(none, model.languagePair(viewerLevels[slot], theirLevels[slot]));
        }
      }
      return 1 - none;
    }

    private double quality(int doc) {
      return Math.min(1, Math.max(0, columns.quality[doc]));
    }

    private static long date(long epochMs) {
      return epochMs == MemberColumns.MISSING ? MatchModel.UNKNOWN_DATE : epochMs;
    }
  }

  /**
   * A double per non-negative int key, for the few keys a request meets: open addressing, linear
   * probing, doubled at half full.
   */
  static final class SetValues {
    private int[] keys = new int[64];
    private double[] values = new double[64];
    private int size;

    SetValues() {
      Arrays.fill(keys, -1);
    }

    /** The slot of {@code key}: its own, or the empty one where it would go. */
    int find(int key) {
      int mask = keys.length - 1;
      int at = (key * 0x9E3779B9) >>> 7 & mask;
      while (keys[at] != -1 && keys[at] != key) {
        at = (at + 1) & mask;
      }
      return at;
    }

    boolean has(int slot) {
      return keys[slot] != -1;
    }

    double value(int slot) {
      return values[slot];
    }

    /** Puts {@code key} with {@code value} into the empty {@code slot} that {@link #find} gave. */
    void put(int slot, int key, double value) {
      keys[slot] = key;
      values[slot] = value;
      if (++size * 2 > keys.length) {
        int[] oldKeys = keys;
        double[] oldValues = values;
        keys = new int[oldKeys.length * 2];
        values = new double[oldKeys.length * 2];
        Arrays.fill(keys, -1);
        for (int i = 0; i < oldKeys.length; i++) {
          if (oldKeys[i] != -1) {
            int at = find(oldKeys[i]);
            keys[at] = oldKeys[i];
            values[at] = oldValues[i];
          }
        }
      }
    }
  }
}
