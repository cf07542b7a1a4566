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
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopDocsCollector;
import org.apache.lucene.search.TotalHits;

/**
 * Collects every document that passed the request's filters: pre-ranks it over the segment's
 * columns and keeps the best {@code window} ({@link PrerankWindow}); then the whole model ranks
 * and diversifies those, and the top docs are that order, scored by the model (as floats; the
 * exact score comes with the document, {@link MatchesTransformerFactory}). One per request.
 */
final class MatchesCollector extends TopDocsCollector<ScoreDoc> {
  private final MatchesJob job;
  private final List<LeafReaderContext> leaves;
  private final PrerankWindow window;
  private int totalHits;
  private ScoreDoc[] ranked;

  MatchesCollector(MatchesJob job, List<LeafReaderContext> leaves, int window) {
    super(null);
    this.job = job;
    this.leaves = leaves;
    this.window = new PrerankWindow(window);
  }

  @Override
  public ScoreMode scoreMode() {
    return ScoreMode.COMPLETE_NO_SCORES;
  }

  @Override
  public LeafCollector getLeafCollector(LeafReaderContext context) {
    MemberColumns columns = job.columns().columns(context.reader());
    SegmentPrerank prerank = new SegmentPrerank(job.prerank(), columns);
    int base = context.docBase;
    return new LeafCollector() {
      @Override
      public void setScorer(Scorable scorer) {
        // the pre-rank ignores the main query's score
      }

      @Override
      public void collect(int doc) {
        totalHits++;
        window.offer(base + doc, (float) prerank.score(doc), columns.lastActiveAt[doc], columns.id[doc]);
      }
    };
  }

  @Override
  public int getTotalHits() {
    return totalHits;
  }

  @Override
  protected int topDocsSize() {
    return ranked().length;
  }

  @Override
  public TopDocs topDocs() {
    return topDocs(0, topDocsSize());
  }

  @Override
  public TopDocs topDocs(int start) {
    return topDocs(start, topDocsSize());
  }

  @Override
  public TopDocs topDocs(int start, int howMany) {
    ScoreDoc[] all = ranked();
    int from = Math.min(Math.max(start, 0), all.length);
    int to = Math.min(all.length, from + Math.max(howMany, 0));
    ScoreDoc[] page = new ScoreDoc[to - from];
    System.arraycopy(all, from, page, 0, page.length);
    return new TopDocs(new TotalHits(totalHits, TotalHits.Relation.EQUAL_TO), page);
  }

  private ScoreDoc[] ranked() {
    if (ranked == null) {
      int[] docs = window.bestFirst();
      List<Candidate<MemberSignals>> candidates = new ArrayList<>(docs.length);
      Map<MemberSignals, Integer> docOf = new IdentityHashMap<>();
      for (int doc : docs) {
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        MemberSignals member = signals(leaf, doc - leaf.docBase);
        docOf.put(member, doc);
        candidates.add(Candidate.of(member));
      }
      List<Ranked<MemberSignals>> order = job.rank(candidates);
      ranked = new ScoreDoc[order.size()];
      for (int i = 0; i < ranked.length; i++) {
        Ranked<MemberSignals> item = order.get(i);
        ranked[i] = new ScoreDoc(docOf.get(item.item()), (float) item.score());
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
