package com.expat.search.solr.rank;

import com.expat.search.ranking.MemberFeature;
import com.expat.search.ranking.MemberParameters;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;

/**
 * Collects every document that passed the request's filters: pre-ranks it over the segment's
 * columns, or with query text takes the main query's score, and keeps the best {@code window}
 * ({@link PrerankWindow}); then the whole model ranks (and for matches diversifies) those, and the
 * top docs are that order. Without text they carry the model's score as a float; with text the
 * member's text score, so that the transformer, which scores the page's members one by one (also
 * from Solr's result cache), can read the text relevance back against the result's best text
 * score ({@link MatchesJob#textRelevance}); the exact score comes with the document ({@link
 * MatchesTransformerFactory}). One per request.
 */
final class MatchesCollector extends RankedWindowCollector {
  private final MatchesJob job;
  private final List<LeafReaderContext> leaves;
  private final PrerankWindow window;
  private final int capacity;
  private final boolean text;
  /** How many of the ranked window Solr pages from: without the diversity pass only these are ranked exactly. */
  private final int top;
  private float maxScore = Float.NEGATIVE_INFINITY;
  /** Each leaf's columns once looked up (the window's ranking). */
  private final MemberColumns[] leafColumns;
  private ScoreDoc[] ranked;
  /** Members the whole model scored (for tests: what the bound spared). */
  private int modelScored;

  /**
   * @param text whether the window is the best by the main query's (text) score rather than by the
   *     pre-rank
   * @param top how many of the ranked window Solr asks for (the page's end, rounded up by its result cache)
   */
  MatchesCollector(MatchesJob job, List<LeafReaderContext> leaves, int window, boolean text, int top) {
    this.job = job;
    this.top = top;
    this.leaves = leaves;
    this.leafColumns = new MemberColumns[leaves.size()];
    this.window = text ? new PrerankWindow(window, new TieBreaksOfColumns()) : new PrerankWindow(window);
    this.capacity = window;
    this.text = text;
  }

  @Override
  public ScoreMode scoreMode() {
    return text ? ScoreMode.COMPLETE : ScoreMode.COMPLETE_NO_SCORES;
  }

  @Override
  public LeafCollector getLeafCollector(LeafReaderContext context) {
    MemberColumns columns = job.columns().columns(context.reader());
    int base = context.docBase;
    if (text) {
      return new LeafCollector() {
        private Scorable scorer;

        @Override
        public void setScorer(Scorable scorer) {
          this.scorer = scorer;
        }

        @Override
        public void collect(int doc) throws IOException {
          totalHits++;
          float score = scorer.score();
          maxScore = Math.max(maxScore, score);
          // The tie-breaks (last activity, id) are read only where scores tie.
          window.offer(base + doc, score);
        }
      };
    }
    SegmentPrerank prerank = new SegmentPrerank(job.prerank(), columns);
    return new LeafCollector() {
      @Override
      public void setScorer(Scorable scorer) {
        // the pre-rank ignores the main query's score
      }

      @Override
      public void collect(int doc) {
        totalHits++;
        double score = prerank.score(doc, window.floor());
        if (score != Double.NEGATIVE_INFINITY) {
          window.offer(base + doc, (float) score, columns.lastActiveAt[doc], columns.id[doc]);
        }
      }
    };
  }

  @Override
  ScoreDoc[] ranked() {
    if (ranked == null) {
      float[] scores = new float[capacity];
      int[] docs = window.bestFirst(scores);
      int keep = job.diversify() ? docs.length : Math.min(docs.length, top);
      if (keep == docs.length) {
        // The whole window (matches): the model over the columns (MemberScorer), no signals built.
        modelScored += docs.length;
        ranked = job.rank(leaves, docs, scores, text, maxScore);
        return ranked;
      }
      List<Scored> order = best(docs, scores, keep);
      ranked = new ScoreDoc[Math.min(keep, order.size())];
      for (int i = 0; i < ranked.length; i++) {
        Scored item = order.get(i);
        ranked[i] = new ScoreDoc(docs[item.at()], text ? scores[item.at()] : (float) item.score());
      }
    }
    return ranked;
  }

  /** A window entry (its index) and its whole model score. */
  private record Scored(int at, double score) {}

  /** The model's order: best score first, ties by the window's order, as the model's stable sort of the window. */
  private static final Comparator<Scored> MODEL_ORDER =
      ((Comparator<Scored>) (a, b) -> Double.compare(b.score(), a.score())).thenComparingInt(Scored::at);

  /**
   * The window's entries {@code chosen} (indexes) scored by the whole model over the columns
   * ({@link MemberScorer}, as the whole window's ranking), in the model's order.
   */
  private List<Scored> rank(MemberScorer scorer, int[] docs, float[] scores, int[] leafOf, int[] chosen) {
    List<Scored> ranked = new ArrayList<>(chosen.length);
    for (int at : chosen) {
      LeafReaderContext leaf = leaves.get(leafOf[at]);
      MemberScorer.Segment segment = scorer.segment(columnsOf(leafOf[at]));
      ranked.add(new Scored(at, segment.score(docs[at] - leaf.docBase, textRelevance(scores[at]))));
    }
    modelScored += ranked.size();
    ranked.sort(MODEL_ORDER);
    return ranked;
  }

  /** How many members the whole model scored for {@link #ranked()}. */
  int modelScored() {
    return modelScored;
  }

  /**
   * The best {@code keep} of the window in the whole model's order, as {@link MatchesJob#rank} of the whole
   * window would begin, without scoring every member: a member's model score is at most its text
   * relevance times the text weight, plus its pre-rank (the model's own weighted distance,
   * interests, languages, decays and quality over the columns: {@code ColumnPrerankTest}), plus the
   * reciprocal interests' weight when the viewer has interests. The {@code keep} best by that bound
   * are scored, then every other whose bound reaches the worst of their scores (which only rises
   * as more are scored, so one more round suffices); the rest fall short of the best {@code keep} by
   * more than rounding, not even tied, and are not scored. Ties keep the window's order, as in
   * {@link #rank}. The window's whole model was ~9 % of Solr's samples on member search with text
   * at 200k (JFR, docs/benchmarks.md).
   */
  private List<Scored> best(int[] docs, float[] scores, int keep) {
    int[] leafOf = new int[docs.length];
    for (int i = 0; i < docs.length; i++) {
      leafOf[i] = ReaderUtil.subIndex(docs[i], leaves);
    }
    double[] bound = bounds(docs, scores, leafOf);
    Integer[] byBound = new Integer[docs.length];
    for (int i = 0; i < docs.length; i++) {
      byBound[i] = i;
    }
    // Highest bound first; a bound that is not a number sorts first and is always scored.
    Arrays.sort(byBound, (a, b) -> Double.compare(bound[b], bound[a]));
    boolean[] scored = new boolean[docs.length];
    for (int i = 0; i < keep; i++) {
      scored[byBound[i]] = true;
    }
    MemberScorer scorer = job.scorer();
    List<Scored> first = rank(scorer, docs, scores, leafOf, indexes(scored, 0, docs.length));
    double worst = Double.POSITIVE_INFINITY;
    for (Scored item : first) {
      worst = Math.min(worst, item.score());
    }
    // Sums of a few terms of a few units round far below this margin.
    double reach = worst - 1e-9 * (1 + Math.abs(worst));
    boolean[] more = new boolean[docs.length];
    int extra = 0;
    for (int i = 0; i < docs.length; i++) {
      if (!scored[i] && !(bound[i] < reach)) {
        more[i] = true;
        extra++;
      }
    }
    if (extra == 0) {
      return first;
    }
    List<Scored> merged = new ArrayList<>(first);
    merged.addAll(rank(scorer, docs, scores, leafOf, indexes(more, extra, docs.length)));
    // Ties by the window's order, as one ranking of both would break them.
    merged.sort(MODEL_ORDER);
    return merged;
  }

  /** Each window entry's most possible model score ({@link #best}). */
  private double[] bounds(int[] docs, float[] scores, int[] leafOf) {
    MemberParameters weights = job.params().profile().members();
    double textWeight = weights.weight(MemberFeature.TEXT);
    double reciprocal = job.params().viewer().interests().isEmpty() ? 0
        : weights.weight(MemberFeature.RECIPROCAL_INTERESTS);
    double quality = weights.weight(MemberFeature.PROFILE_QUALITY);
    SegmentPrerank[] preranks = new SegmentPrerank[leaves.size()];
    double[] bound = new double[docs.length];
    for (int i = 0; i < docs.length; i++) {
      LeafReaderContext leaf = leaves.get(leafOf[i]);
      MemberColumns columns = columnsOf(leafOf[i]);
      if (preranks[leaf.ord] == null) {
        preranks[leaf.ord] = new SegmentPrerank(job.prerank(), columns);
      }
      int doc = docs[i] - leaf.docBase;
      // The model clamps quality to 0..1 where the pre-rank reads it as stored: a negative one adds back.
      bound[i] = textWeight * textRelevance(scores[i]) + preranks[leaf.ord].score(doc) + reciprocal
          + quality * Math.max(0, -columns.quality[doc]);
    }
    return bound;
  }

  /** The indexes whose flag is set, ascending; {@code count} of them, or counted when 0. */
  private static int[] indexes(boolean[] flags, int count, int length) {
    if (count == 0) {
      for (boolean flag : flags) {
        count += flag ? 1 : 0;
      }
    }
    int[] result = new int[count];
    for (int i = 0, next = 0; i < length; i++) {
      if (flags[i]) {
        result[next++] = i;
      }
    }
    return result;
  }

  private double textRelevance(float score) {
    return text ? MatchesJob.textRelevance(score, maxScore) : 0;
  }

  /** The text window's tie-breaks from the columns, read only where scores tie ({@link PrerankWindow#offer(int, float)}). */
  private final class TieBreaksOfColumns implements PrerankWindow.TieBreaks {
    private int leaf = -1;
    private int base;
    private int end;
    private MemberColumns columns;
    private int[] tieOrder;
    private long segment;

    @Override
    public long lastActive(int doc) {
      return columns(doc).lastActiveAt[doc - base];
    }

    @Override
    public long id(int doc) {
      return columns(doc).id[doc - base];
    }

    @Override
    public long order(int doc) {
      columns(doc);
      return segment | tieOrder[doc - base];
    }

    private MemberColumns columns(int doc) {
      if (leaf < 0 || doc < base || doc >= end) {
        leaf = ReaderUtil.subIndex(doc, leaves);
        base = leaves.get(leaf).docBase;
        end = base + leaves.get(leaf).reader().maxDoc();
        columns = columnsOf(leaf);
        tieOrder = columns.tieOrder();
        segment = (long) leaf << 32;
      }
      return columns;
    }
  }

  /** Leaf {@code leaf}'s columns, looked up once per request. */
  private MemberColumns columnsOf(int leaf) {
    if (leafColumns[leaf] == null) {
      leafColumns[leaf] = job.columns().columns(leaves.get(leaf).reader());
    }
    return leafColumns[leaf];
  }
}
