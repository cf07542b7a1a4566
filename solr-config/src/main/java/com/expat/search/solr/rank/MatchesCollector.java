package com.expat.search.solr.rank;

import com.expat.search.ranking.Ranked;
import com.expat.search.ranking.signals.Candidate;
import com.expat.search.ranking.signals.MemberSignals;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
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
  private float maxScore = Float.NEGATIVE_INFINITY;
  private ScoreDoc[] ranked;

  /**
   * @param text whether the window is the best by the main query's (text) score rather than by the
   *     pre-rank
   */
  MatchesCollector(MatchesJob job, List<LeafReaderContext> leaves, int window, boolean text) {
    this.job = job;
    this.leaves = leaves;
    this.window = new PrerankWindow(window);
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
          window.offer(base + doc, score, columns.lastActiveAt[doc], columns.id[doc]);
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
      List<Candidate<MemberSignals>> candidates = new ArrayList<>(docs.length);
      Map<MemberSignals, Integer> indexOf = new IdentityHashMap<>();
      for (int i = 0; i < docs.length; i++) {
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docs[i], leaves));
        MemberSignals member = signals(leaf, docs[i] - leaf.docBase);
        indexOf.put(member, i);
        candidates.add(new Candidate<>(member, text ? MatchesJob.textRelevance(scores[i], maxScore) : 0));
      }
      List<Ranked<MemberSignals>> order = job.rank(candidates);
      ranked = new ScoreDoc[order.size()];
      for (int i = 0; i < ranked.length; i++) {
        Ranked<MemberSignals> item = order.get(i);
        int at = indexOf.get(item.item());
        ranked[i] = new ScoreDoc(docs[at], text ? scores[at] : (float) item.score());
      }
    }
    return ranked;
  }

  private MemberSignals signals(LeafReaderContext leaf, int doc) {
    try {
      return MemberReader.signals(job.columns().columns(leaf.reader()), doc, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
