package com.expat.search.solr.rank;

import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TopDocsCollector;
import org.apache.lucene.search.Weight;
import org.apache.solr.handler.component.MergeStrategy;
import org.apache.solr.search.QueryCommand;
import org.apache.solr.search.RankQuery;

/**
 * {@code rq={!expat_events window=300}}: the main query and filters choose the events; this ranks
 * them ({@link EventsCollector}). Equal for equal requests (the parameters as sent), so Solr's
 * query result cache keeps the ranked order. Several shards each rank their own events; {@link
 * EventsMerge} merges them in one core's order.
 */
final class EventsRankQuery extends RankQuery {
  private final Query mainQuery;
  private final EventsRankParser.Request request;

  EventsRankQuery(Query mainQuery, EventsRankParser.Request request) {
    this.mainQuery = mainQuery;
    this.request = request;
  }

  EventsRankQuery(EventsRankParser.Request request) {
    this(new MatchAllDocsQuery(), request);
  }

  @Override
  public TopDocsCollector<? extends ScoreDoc> getTopDocsCollector(int len, QueryCommand cmd, IndexSearcher searcher) {
    EventsJob job = request.job();
    return new EventsCollector(job, searcher.getIndexReader().leaves(),
        MatchesRankQuery.windowOf(job.window(), cmd), request.text(), request.keyOrder());
  }

  @Override
  public MergeStrategy getMergeStrategy() {
    return new EventsMerge(request);
  }

  @Override
  public RankQuery wrap(Query query) {
    return query == null ? this : new EventsRankQuery(query, request);
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
    return mainQuery.createWeight(searcher, scoreMode, boost);
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    Query rewritten = mainQuery.rewrite(searcher);
    return rewritten == mainQuery ? this : new EventsRankQuery(rewritten, request);
  }

  @Override
  public void visit(QueryVisitor visitor) {
    mainQuery.visit(visitor);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EventsRankQuery that && mainQuery.equals(that.mainQuery) && request.equals(that.request);
  }

  @Override
  public int hashCode() {
    return Objects.hash(mainQuery, request);
  }

  @Override
  public String toString(String field) {
    return "{!" + EventsRankParser.NAME + " window=" + request.window() + " text=" + request.text()
        + (request.keyOrder() ? " order=key" : "") + "}"
        + mainQuery.toString(field);
  }
}
