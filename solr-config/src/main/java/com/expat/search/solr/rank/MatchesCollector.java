package com.expat.search.solr.rank;

import com.expat.search.ranking.MemberFeature;
import com.expat.search.ranking.MemberParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.request.SolrRequestInfo;

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
  /**
   * In Solr's response header when the text window's scorers skipped: the matches they visited, of
   * {@code numFound} (counted apart, {@link TextMatchCount}).
   */
  static final String COLLECTED = "expat_text_collected";
  /**
   * The text window's page scores and the result's best, handed to the transformer in the request's
   * context when Solr keeps no scores of its own ({@code MatchesRankParser}): by global doc id.
   */
  record WindowTextScores(Map<Integer, Float> byDoc, float best) {
    static final String KEY = "expat.window.textScores";

    /** What the window of this request handed on, or null. */
    static WindowTextScores of(SolrQueryRequest req) {
      return req.getContext().get(KEY) instanceof WindowTextScores scores ? scores : null;
    }
  }

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
  /** With text, where the matches are counted if the scorers were told a floor; null: every match is collected. */
  private final TextMatchCount count;
  /** The floor the scorers were last told (negative infinity: none yet, every match collected). */
  private float floorTold = Float.NEGATIVE_INFINITY;
  private int counted = -1;
  /** Members the whole model scored (for tests: what the bound spared). */
  private int modelScored;
  /** Members whose pre-rank the bound read (for tests: what the segment's most spared). */
  private int preranked;

  /**
   * @param text whether the window is the best by the main query's (text) score rather than by the
   *     pre-rank
   * @param top how many of the ranked window Solr asks for (the page's end, rounded up by its result cache)
   */
  MatchesCollector(MatchesJob job, List<LeafReaderContext> leaves, int window, boolean text, int top) {
    this(job, leaves, window, text, top, null);
  }

  /**
   * @param count with text, the matches counted apart ({@link TextMatchCount}): the scorers are then
   *     told the window's floor and may skip what cannot reach it; null collects every match
   */
  MatchesCollector(MatchesJob job, List<LeafReaderContext> leaves, int window, boolean text, int top,
      TextMatchCount count) {
    this.count = text ? count : null;
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
    if (!text) {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
    return count == null ? ScoreMode.COMPLETE : ScoreMode.TOP_SCORES;
  }

  @Override
  public LeafCollector getLeafCollector(LeafReaderContext context) {
    MemberColumns columns = job.columns().columns(context.reader());
    int base = context.docBase;
    if (text) {
      return new LeafCollector() {
        private Scorable scorer;

        @Override
        public void setScorer(Scorable scorer) throws IOException {
          this.scorer = scorer;
          if (floorTold != Float.NEGATIVE_INFINITY) {
            scorer.setMinCompetitiveScore(floorTold);
          }
        }

        @Override
        public void collect(int doc) throws IOException {
          totalHits++;
          float score = scorer.score();
          maxScore = Math.max(maxScore, score);
          // The tie-breaks (last activity, id) are read only where scores tie.
          window.offer(base + doc, score);
          if (count != null && window.floor() > floorTold) {
            // Not Math.nextUp: a match at the floor may still win on the tie-breaks. The best match is
            // never below the floor, so the best text score stays exact.
            floorTold = window.floor();
            scorer.setMinCompetitiveScore(floorTold);
          }
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
  int total() {
    if (floorTold == Float.NEGATIVE_INFINITY) {
      return totalHits;
    }
    if (counted < 0) {
      try {
        counted = count.count();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      // For whoever reads Solr's answer or its request log: how many matches the scorers visited.
      SolrRequestInfo info = SolrRequestInfo.getRequestInfo();
      if (info != null && info.getRsp() != null && info.getRsp().getResponseHeader() != null) {
        info.getRsp().getResponseHeader().add(COLLECTED, totalHits);
      }
    }
    return counted;
  }

  @Override
  ScoreDoc[] ranked() {
    if (ranked == null) {
      ranked = rankedWindow();
      if (text) {
        handOnTheTextScores(ranked);
      }
    }
    return ranked;
  }

  private void handOnTheTextScores(ScoreDoc[] window) {
    SolrRequestInfo info = SolrRequestInfo.getRequestInfo();
    if (info == null || info.getReq() == null) {
      return;
    }
    Map<Integer, Float> byDoc = new HashMap<>();
    for (ScoreDoc doc : window) {
      byDoc.put(doc.doc, doc.score);
    }
    info.getReq().getContext().put(WindowTextScores.KEY, new WindowTextScores(byDoc, maxScore));
  }

  /** The window ranked, best first (with text each carrying its text score, else the model's). */
  private ScoreDoc[] rankedWindow() {
    float[] scores = new float[capacity];
    int[] docs = window.bestFirst(scores);
    int keep = Math.min(docs.length, job.diversify() ? Math.max(top, job.diversityPool()) : top);
    if (keep == docs.length) {
      // The whole window: the model over the columns (MemberScorer), no signals built.
      modelScored += docs.length;
      return job.rank(leaves, docs, scores, text, maxScore);
    }
    List<Scored> order = best(docs, scores, keep);
    if (job.diversify()) {
      return diversified(docs, scores, order.subList(0, Math.min(keep, order.size())));
    }
    ScoreDoc[] best = new ScoreDoc[Math.min(keep, order.size())];
    for (int i = 0; i < best.length; i++) {
      Scored item = order.get(i);
      best[i] = new ScoreDoc(docs[item.at()], text ? scores[item.at()] : (float) item.score());
    }
    return best;
  }

  /**
   * The diversity pass over the best of the window in the model's order ({@link #best}): it
   * re-ranks the first page from a pool of the best {@link MatchesJob#diversityPool} and keeps the
   * order of the rest, so the first {@code top} of the whole window's pass are the first {@code top}
   * of this one's when {@code best} holds at least the pool and {@code top}. Matches scored all 300
   * of the window with the whole model for a page of 20 from a pool of 60.
   */
  private ScoreDoc[] diversified(int[] docs, float[] scores, List<Scored> best) {
    MemberScorer scorer = job.scorer();
    MemberScorer.Segment[] segments = new MemberScorer.Segment[best.size()];
    int[] local = new int[best.size()];
    int[] chosen = new int[best.size()];
    float[] keys = new float[best.size()];
    double[] model = new double[best.size()];
    for (int i = 0; i < segments.length; i++) {
      int at = best.get(i).at();
      int leaf = ReaderUtil.subIndex(docs[at], leaves);
      segments[i] = scorer.segment(columnsOf(leaf));
      local[i] = docs[at] - leaves.get(leaf).docBase;
      chosen[i] = docs[at];
      keys[i] = scores[at];
      model[i] = best.get(i).score();
    }
    return job.ranked(segments, local, chosen, keys, model, text);
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

  /** How many members' pre-rank {@link #ranked()} read to bound their score (the rest fell short without it). */
  int preranked() {
    return preranked;
  }

  /**
   * Whether {@link #best} may bound the model's scores: every weight finite and at least 0. The
   * bounds add the most each feature can give (every feature value is in [0, 1]); a negative
   * weight would make a feature's most its least, so the window is then scored whole instead.
   * The profiles and the service's custom weights refuse such weights today ({@code
   * MemberParameters}, {@code WeightsParam}); this keeps a page right if that ever changes.
   */
  static boolean boundable(Map<MemberFeature, Double> weights) {
    for (Double weight : weights.values()) {
      if (weight == null || !(weight >= 0 && weight < Double.POSITIVE_INFINITY)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The best {@code keep} of the window in the whole model's order, as {@link MatchesJob#rank} of
   * the whole window would begin, without scoring every member, and with text without reading
   * every member's columns.
   *
   * <p>It rests on the model being a sum {@code Σ weight × value} (ranking/README.md) with every
   * value in [0, 1] and every weight at least 0 ({@link #boundable}; else the whole window is
   * scored). Then a member's score is at most its text term plus, without reading the member, the
   * most the other features give anyone in its segment ({@link SegmentPrerank#most}, plus the
   * reciprocal interests' weight), and it lies between two bounds from its pre-rank: the pre-rank
   * (the model's own distance, interests, languages, decays and quality over the columns, {@code
   * ColumnPrerankTest}) with quality clamped as the model does, plus the text term, and that plus
   * the reciprocal weight. Any {@code keep} lower bounds make a floor the page's worst score
   * reaches, so with text, taken in the window's order, a member whose text term plus the
   * segment's most is below the floor of the lower bounds so far is dropped before its pre-rank is
   * read (the text only falls along the window, so most of its tail is); without text the
   * window's key is the pre-rank itself and no column is read. Of the rest, the {@code keep} best
   * by upper bound are scored, then every other whose upper bound reaches the worst of their
   * scores or the floor (both only rise, so one more round suffices). Whatever falls short does so
   * by more than rounding, so is not even tied with {@code keep} others. Ties keep the window's
   * order, as in {@link #rank}. The window's best was 12.8 % of Solr's samples on member search
   * with text at 200k, the pre-rank of all 300 members 5 of those (JFR, docs/benchmarks.md).
   */
  private List<Scored> best(int[] docs, float[] scores, int keep) {
    if (keep == 0) {
      return List.of();
    }
    int[] leafOf = new int[docs.length];
    for (int i = 0; i < docs.length; i++) {
      leafOf[i] = ReaderUtil.subIndex(docs[i], leaves);
    }
    MemberScorer scorer = job.scorer();
    if (!boundable(job.params().profile().members().weights())) {
      boolean[] all = new boolean[docs.length];
      Arrays.fill(all, true);
      return rank(scorer, docs, scores, leafOf, indexes(all, docs.length, docs.length));
    }
    double[] upper = new double[docs.length];
    boolean[] bounded = new boolean[docs.length];
    double floor = text ? textBounds(docs, scores, leafOf, keep, upper, bounded)
        : prerankBounds(docs, scores, leafOf, keep, upper, bounded);
    boolean[] scored = topByUpper(upper, bounded, keep);
    List<Scored> first = rank(scorer, docs, scores, leafOf, indexes(scored, 0, docs.length));
    double worst = Double.POSITIVE_INFINITY;
    for (Scored item : first) {
      worst = Math.min(worst, item.score());
    }
    double reach = below(Math.max(worst, floor));
    boolean[] more = new boolean[docs.length];
    int extra = 0;
    for (int i = 0; i < docs.length; i++) {
      if (bounded[i] && !scored[i] && !(upper[i] < reach)) {
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

  /**
   * With text: each window entry's upper bound into {@code upper} where {@code bounded}, from its
   * pre-rank, read only for those whose text term plus their segment's most reaches the floor
   * (see {@link #best}); returns the floor, a lower bound of the {@code keep}-th best score.
   */
  private double textBounds(int[] docs, float[] scores, int[] leafOf, int keep, double[] upper, boolean[] bounded) {
    MemberParameters weights = job.params().profile().members();
    double textWeight = weights.weight(MemberFeature.TEXT);
    double reciprocal = reciprocalWeight(weights);
    double quality = weights.weight(MemberFeature.PROFILE_QUALITY);
    SegmentPrerank[] preranks = new SegmentPrerank[leaves.size()];
    double[] most = new double[leaves.size()];
    KeptLeast lows = new KeptLeast(keep);
    double floor = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < docs.length; i++) {
      int leafIndex = leafOf[i];
      MemberColumns columns = columnsOf(leafIndex);
      if (preranks[leafIndex] == null) {
        preranks[leafIndex] = new SegmentPrerank(job.prerank(), columns);
        most[leafIndex] = preranks[leafIndex].most() + reciprocal;
      }
      double textTerm = textWeight * textRelevance(scores[i]);
      // A NaN most compares false: the member is bounded.
      if (textTerm + most[leafIndex] < floor) {
        continue;
      }
      int doc = docs[i] - leaves.get(leafIndex).docBase;
      float stored = columns.quality[doc];
      // The pre-rank reads quality as stored, the model clamps it to 0..1.
      double sure = textTerm + preranks[leafIndex].score(doc)
          + quality * (Math.min(1, Math.max(0, stored)) - stored);
      preranked++;
      bounded[i] = true;
      upper[i] = Double.isNaN(sure) ? Double.POSITIVE_INFINITY : sure + reciprocal;
      if (!Double.isNaN(sure) && lows.offer(sure)) {
        floor = below(lows.least());
      }
    }
    return floor;
  }

  /**
   * Without text: each window entry's upper bound from its window key, the pre-rank as a float,
   * with the segment's least and greatest quality for the model's clamp; nothing read per member.
   * Returns the floor as {@link #textBounds}.
   */
  private double prerankBounds(int[] docs, float[] scores, int[] leafOf, int keep, double[] upper,
      boolean[] bounded) {
    MemberParameters weights = job.params().profile().members();
    double reciprocal = reciprocalWeight(weights);
    double quality = weights.weight(MemberFeature.PROFILE_QUALITY);
    KeptLeast lows = new KeptLeast(keep);
    for (int i = 0; i < docs.length; i++) {
      MemberColumns columns = columnsOf(leafOf[i]);
      double key = scores[i];
      // A float holds the pre-rank to 2^-24 of itself.
      double rounding = 1e-6 * (1 + Math.abs(key));
      double sure = key - rounding - quality * Math.max(0, columns.maxQuality - 1);
      double most = key + rounding + quality * Math.max(0, -columns.minQuality) + reciprocal;
      bounded[i] = true;
      upper[i] = Double.isNaN(most) ? Double.POSITIVE_INFINITY : most;
      if (!Double.isNaN(sure)) {
        lows.offer(sure);
      }
    }
    return lows.full() ? below(lows.least()) : Double.NEGATIVE_INFINITY;
  }

  /** What reciprocal interests can add: nothing when the viewer has no interests (no share either way). */
  private double reciprocalWeight(MemberParameters weights) {
    return job.params().viewer().interests().isEmpty() ? 0 : weights.weight(MemberFeature.RECIPROCAL_INTERESTS);
  }

  /**
   * Just below {@code score} by more than the rounding of adding the same few terms of a few units
   * in another order: a bound under it falls short of {@code score}, not even tied.
   */
  private static double below(double score) {
    return score - 1e-9 * (1 + Math.abs(score));
  }

  /** The {@code keep} bounded entries of highest upper bound (any of equal ones); all when fewer. */
  private static boolean[] topByUpper(double[] upper, boolean[] bounded, int keep) {
    boolean[] top = new boolean[upper.length];
    int count = 0;
    for (boolean one : bounded) {
      count += one ? 1 : 0;
    }
    if (count <= keep) {
      System.arraycopy(bounded, 0, top, 0, bounded.length);
      return top;
    }
    double[] sorted = new double[count];
    for (int i = 0, next = 0; i < upper.length; i++) {
      if (bounded[i]) {
        sorted[next++] = upper[i];
      }
    }
    Arrays.sort(sorted);
    double least = sorted[count - keep];
    int taken = 0;
    for (int i = 0; i < upper.length; i++) {
      if (bounded[i] && upper[i] > least) {
        top[i] = true;
        taken++;
      }
    }
    for (int i = 0; i < upper.length && taken < keep; i++) {
      if (bounded[i] && upper[i] == least) {
        top[i] = true;
        taken++;
      }
    }
    return top;
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

  /**
   * The greatest {@code size} values offered (a min-heap of them), for the least of them: a floor
   * that {@code size} scores reach.
   */
  static final class KeptLeast {
    private final double[] heap;
    private int size;

    KeptLeast(int size) {
      this.heap = new double[size];
    }

    boolean full() {
      return size == heap.length;
    }

    /** The least of the kept values; only once {@link #full}. */
    double least() {
      return heap[0];
    }

    /** Offers {@code value} (not NaN); whether the kept values are full and their least changed. */
    boolean offer(double value) {
      if (size < heap.length) {
        int at = size++;
        while (at > 0 && heap[(at - 1) >>> 1] > value) {
          heap[at] = heap[(at - 1) >>> 1];
          at = (at - 1) >>> 1;
        }
        heap[at] = value;
        return full();
      }
      if (!(value > heap[0])) {
        return false;
      }
      int at = 0;
      while (true) {
        int child = 2 * at + 1;
        if (child >= size) {
          break;
        }
        if (child + 1 < size && heap[child + 1] < heap[child]) {
          child++;
        }
        if (heap[child] >= value) {
          break;
        }
        heap[at] = heap[child];
        at = child;
      }
      heap[at] = value;
      return true;
    }
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
