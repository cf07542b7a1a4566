package com.expat.search.solr.rank;

import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopDocsCollector;
import org.apache.lucene.search.TotalHits;

/**
 * What the ranking collectors ({@link MatchesCollector}, {@link EventsCollector}) share: every
 * collected document counts towards the total, and the top docs are pages of the one order that
 * {@link #ranked()} computes once, after collection, over the best of the window. One per request.
 */
abstract class RankedWindowCollector extends TopDocsCollector<ScoreDoc> {
  /** Documents collected, whether or not they made the window. */
  protected int totalHits;

  RankedWindowCollector() {
    super(null);
  }

  /** The whole ranked window, best first; computed once. */
  abstract ScoreDoc[] ranked();

  @Override
  public final int getTotalHits() {
    return total();
  }

  /** Every match: those collected, unless the collector skipped some and counts them apart. */
  int total() {
    return totalHits;
  }

  @Override
  protected final int topDocsSize() {
    return ranked().length;
  }

  @Override
  public final TopDocs topDocs() {
    return topDocs(0, topDocsSize());
  }

  @Override
  public final TopDocs topDocs(int start) {
    return topDocs(start, topDocsSize());
  }

  @Override
  public final TopDocs topDocs(int start, int howMany) {
    ScoreDoc[] all = ranked();
    int from = Math.min(Math.max(start, 0), all.length);
    int to = Math.min(all.length, from + Math.max(howMany, 0));
    ScoreDoc[] page = new ScoreDoc[to - from];
    System.arraycopy(all, from, page, 0, page.length);
    return new TopDocs(new TotalHits(total(), TotalHits.Relation.EQUAL_TO), page);
  }
}
