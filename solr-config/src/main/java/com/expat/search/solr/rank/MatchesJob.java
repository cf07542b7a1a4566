package com.expat.search.solr.rank;

import com.expat.search.ranking.MatchModel;
import com.expat.search.ranking.Rankers;
import com.expat.search.ranking.signals.Corpus;
import com.expat.search.ranking.solr.ColumnPrerank;
import com.expat.search.ranking.solr.RankParams;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.ScoreDoc;

/**
 * One member ranking inside Solr (matches, and member search): what the service sent ({@link
 * RankParams}), the core's corpus and columns, the pre-rank and the whole model prepared for them.
 * Immutable; thread-safe.
 *
 * @param window how many pre-ranked candidates the whole model ranks
 * @param pageSize the first page the diversity pass re-ranks
 * @param diversify whether the diversity pass runs (matches) or the model's order stands (search,
 *     and a shard of several, where the pass runs on the merged ranking: {@link MatchesMerge})
 */
record MatchesJob(RankParams params, Corpus corpus, ColumnCache columns, ColumnPrerank prerank, MatchModel model,
    int window, int pageSize, boolean diversify) {
  static MatchesJob of(RankParams params, Corpus corpus, ColumnCache columns, int window, int pageSize,
      boolean diversify) {
    return new MatchesJob(params, corpus, columns, ColumnPrerank.of(params, corpus),
        MatchModel.of(params.viewer(), params.profile(), corpus, params.now()), window, pageSize, diversify);
  }

  /** The whole model over the columns, for one request's use (not thread-safe). */
  MemberScorer scorer() {
    return new MemberScorer(model);
  }

  /**
   * The window ranked by the whole model, and diversified when asked: best first. Equal scores
   * keep the window's order.
   *
   * @param docs the window's documents (top-level doc ids), best first by the window's key
   * @param keys each one's window key: the pre-rank, or with text the text score
   * @param text whether the keys are text scores
   * @param maxText with text the result's best text score
   * @return the documents in the model's order, each with the model's score as a float, or with
   *     text the window's key (the text score)
   */
  ScoreDoc[] rank(List<LeafReaderContext> leaves, int[] docs, float[] keys, boolean text, float maxText) {
    MemberScorer scorer = scorer();
    // Each segment's columns looked up once, not once per document.
    MemberScorer.Segment[] byLeaf = new MemberScorer.Segment[leaves.size()];
    MemberScorer.Segment[] segments = new MemberScorer.Segment[docs.length];
    int[] local = new int[docs.length];
    for (int i = 0; i < docs.length; i++) {
      int leafIndex = ReaderUtil.subIndex(docs[i], leaves);
      LeafReaderContext leaf = leaves.get(leafIndex);
      if (byLeaf[leafIndex] == null) {
        byLeaf[leafIndex] = scorer.segment(columns.columns(leaf.reader()));
      }
      segments[i] = byLeaf[leafIndex];
      local[i] = docs[i] - leaf.docBase;
    }
    return rank(segments, local, docs, keys, text, maxText);
  }

  /** {@link #rank(List, int[], float[], boolean, float)} with each document's segment and segment doc id. */
  ScoreDoc[] rank(MemberScorer.Segment[] segments, int[] local, int[] docs, float[] keys, boolean text,
      float maxText) {
    double[] scores = new double[docs.length];
    for (int i = 0; i < docs.length; i++) {
      scores[i] = segments[i].score(local[i], text ? textRelevance(keys[i], maxText) : 0);
    }
    return ranked(segments, local, docs, keys, scores, text);
  }

  /**
   * How many of the model's best the diversity pass picks the first page from (the page size times
   * the profile's pool factor): past them it keeps the model's order.
   */
  int diversityPool() {
    return (int) Math.min(Integer.MAX_VALUE, (long) pageSize * params.profile().diversity().poolFactor());
  }

  /**
   * {@link #rank} of documents already scored by the model ({@code scores}), in the order whose
   * ties stand (the window's, or the model's order of its best).
   */
  ScoreDoc[] ranked(MemberScorer.Segment[] segments, int[] local, int[] docs, float[] keys, double[] scores,
      boolean text) {
    Integer[] order = new Integer[docs.length];
    for (int i = 0; i < docs.length; i++) {
      order[i] = i;
    }
    // A stable sort, as the model's ranking: equal scores keep the window's order.
    Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
    List<Integer> ranked = Arrays.asList(order);
    if (diversify) {
      ranked = Rankers.diversify(ranked, i -> scores[i], i -> segments[i].origin(local[i]),
          i -> segments[i].interests(local[i]), pageSize, params.profile());
    }
    ScoreDoc[] result = new ScoreDoc[ranked.size()];
    for (int k = 0; k < result.length; k++) {
      int i = ranked.get(k);
      result[k] = new ScoreDoc(docs[i], text ? keys[i] : (float) scores[i]);
    }
    return result;
  }

  /**
   * What the whole model reads as text relevance: Solr's text score over the best one of the
   * result, in 0..1.
   */
  static double textRelevance(float score, float maxScore) {
    if (!(maxScore > 0) || Float.isNaN(score)) {
      return 0;
    }
    return Math.min(1, Math.max(0, (double) score / maxScore));
  }
}
