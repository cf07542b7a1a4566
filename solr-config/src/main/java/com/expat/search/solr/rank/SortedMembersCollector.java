package com.expat.search.solr.rank;

import com.expat.search.ranking.signals.LatLon;
import java.io.IOException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TopDocsCollector;
import org.apache.lucene.util.PriorityQueue;

/**
 * The members in an order the model does not decide ({@link MemberOrder} other than {@code
 * MODEL}): every document that passed the filters gets its key (the pre-rank over the segment's
 * columns, or with query text the main query's score) and its place in the order, and the first
 * {@code capacity} (Solr's {@code start + rows}) are kept, at any depth. The top docs carry the key
 * as score (with text the text score, which the transformer reads back as text relevance); the
 * model scores only the page ({@link MatchesTransformerFactory}). One per request.
 */
final class SortedMembersCollector extends TopDocsCollector<SortedMembersCollector.Entry> {
  private final MatchesJob job;
  private final MemberOrder order;
  private final boolean text;
  private final LatLon origin;
  private final int capacity;

  /** One member's place in the order; its score is the key. */
  static final class Entry extends ScoreDoc {
    double primary;
    long lastActive;
    long id;

    Entry(int doc, double primary, float key, long lastActive, long id) {
      super(doc, key);
      this.primary = primary;
      this.lastActive = lastActive;
      this.id = id;
    }

    /** Whether this comes after the given member in the order. */
    boolean after(double otherPrimary, float otherKey, long otherLastActive, long otherId) {
      if (primary != otherPrimary) {
        return primary < otherPrimary;
      }
      if (score != otherKey) {
        return score < otherKey;
      }
      if (lastActive != otherLastActive) {
        return lastActive < otherLastActive;
      }
      return MemberOrder.idsInTextOrder(otherId, id) < 0;
    }
  }

  /** The kept members, the last in the order at the top. */
  private static final class Kept extends PriorityQueue<Entry> {
    Kept(int capacity) {
      super(capacity);
    }

    @Override
    protected boolean lessThan(Entry a, Entry b) {
      return a.after(b.primary, b.score, b.lastActive, b.id);
    }
  }

  SortedMembersCollector(MatchesJob job, MemberOrder order, boolean text, int capacity) {
    super(new Kept(Math.max(1, capacity)));
    this.job = job;
    this.order = order;
    this.text = text;
    this.origin = job.params().viewer().origin();
    this.capacity = Math.max(1, capacity);
  }

  @Override
  public ScoreMode scoreMode() {
    return text ? ScoreMode.COMPLETE : ScoreMode.COMPLETE_NO_SCORES;
  }

  @Override
  public LeafCollector getLeafCollector(LeafReaderContext context) {
    MemberColumns columns = job.columns().columns(context.reader());
    SegmentPrerank prerank = text ? null : new SegmentPrerank(job.prerank(), columns);
    int base = context.docBase;
    return new LeafCollector() {
      private Scorable scorer;

      @Override
      public void setScorer(Scorable scorer) {
        this.scorer = scorer;
      }

      @Override
      public void collect(int doc) throws IOException {
        totalHits++;
        float key = text ? scorer.score() : (float) prerank.score(doc);
        offer(base + doc, order.primary(columns, doc, key, origin), key, order.lastActive(columns, doc),
            columns.id[doc]);
      }
    };
  }

  private void offer(int doc, double primary, float key, long lastActive, long id) {
    if (pq.size() < capacity) {
      pq.add(new Entry(doc, primary, key, lastActive, id));
      return;
    }
    Entry last = pq.top();
    if (last.after(primary, key, lastActive, id)) {
      last.doc = doc;
      last.primary = primary;
      last.score = key;
      last.lastActive = lastActive;
      last.id = id;
      pq.updateTop();
    }
  }
}
