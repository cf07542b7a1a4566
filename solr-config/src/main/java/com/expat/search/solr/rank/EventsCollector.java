package com.expat.search.solr.rank;

import com.expat.search.ranking.Ranked;
import com.expat.search.ranking.signals.Candidate;
import com.expat.search.ranking.signals.EventSignals;
import java.io.IOException;
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
 * Collects every event that passed the request's filters: pre-ranks it over the segment's
 * columns ({@link EventSegmentPrerank}), or with query text takes the main query's score, and
 * keeps the best {@code window}, ties broken as a Solr sort {@code score desc, starts_at asc, id
 * asc} would (the id in text order); then the whole event model ranks those and the top docs are that order (events over by
 * the request's time left out). Without text they carry the model's score as a float; with text
 * the event's text score, so that the transformer can read the text relevance back against the
 * result's best ({@link EventsTransformerFactory}). In the key's order ({@code order=key}, pages
 * beyond the largest window) the top docs are the window itself, each with its key, and the model
 * scores only the page (the transformer). One per request.
 */
final class EventsCollector extends RankedWindowCollector {
  private final EventsJob job;
  private final List<LeafReaderContext> leaves;
  private final PrerankWindow window;
  private final int capacity;
  private final boolean text;
  private final boolean keyOrder;
  private float maxScore = Float.NEGATIVE_INFINITY;
  private ScoreDoc[] ranked;

  EventsCollector(EventsJob job, List<LeafReaderContext> leaves, int window, boolean text, boolean keyOrder) {
    this.job = job;
    this.keyOrder = keyOrder;
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
    EventColumns columns = job.columns().columns(context.reader());
    int base = context.docBase;
    // The window's tie-breaks: "last activity desc" of the members' window, here minus the start.
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
          if (columns.startsAt[doc] != EventColumns.MISSING) {
            window.offer(base + doc, score, -columns.startsAt[doc], columns.idOrder[doc]);
          }
        }
      };
    }
    EventSegmentPrerank prerank = new EventSegmentPrerank(job.prerank(), columns);
    return new LeafCollector() {
      @Override
      public void setScorer(Scorable scorer) {
        // the pre-rank ignores the main query's score
      }

      @Override
      public void collect(int doc) {
        totalHits++;
        if (columns.startsAt[doc] != EventColumns.MISSING) {
          window.offer(base + doc, (float) prerank.score(doc), -columns.startsAt[doc], columns.idOrder[doc]);
        }
      }
    };
  }

  @Override
  ScoreDoc[] ranked() {
    if (ranked == null) {
      float[] scores = new float[capacity];
      int[] docs = window.bestFirst(scores);
      if (keyOrder) {
        ranked = new ScoreDoc[docs.length];
        for (int i = 0; i < docs.length; i++) {
          ranked[i] = new ScoreDoc(docs[i], scores[i]);
        }
        return ranked;
      }
      List<Candidate<EventSignals>> candidates = new ArrayList<>(docs.length);
      Map<EventSignals, Integer> indexOf = new IdentityHashMap<>();
      for (int i = 0; i < docs.length; i++) {
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docs[i], leaves));
        EventSignals event = EventReader.signals(job.columns().columns(leaf.reader()), docs[i] - leaf.docBase);
        indexOf.put(event, i);
        candidates.add(new Candidate<>(event, text ? MatchesJob.textRelevance(scores[i], maxScore) : 0));
      }
      List<Ranked<EventSignals>> order = job.rank(candidates);
      ranked = new ScoreDoc[order.size()];
      for (int i = 0; i < ranked.length; i++) {
        Ranked<EventSignals> item = order.get(i);
        int at = indexOf.get(item.item());
        ranked[i] = new ScoreDoc(docs[at], text ? scores[at] : (float) item.score());
      }
    }
    return ranked;
  }
}
