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
import org.apache.solr.common.params.CommonParams;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.handler.component.MergeStrategy;
import org.apache.solr.request.SolrRequestInfo;
import org.apache.solr.search.QueryCommand;
import org.apache.solr.search.RankQuery;

/**
 * {@code rq={!expat_matches window=300 size=20}}: the main query and filters choose the
 * candidates; this ranks them ({@link MatchesCollector}). Equal for equal requests (the ranking's
 * parameters as sent, window and page size), so Solr's query result cache keeps the ranked order.
 * Several shards each rank their own candidates; {@link MatchesMerge} merges them in one core's
 * order and runs the diversity pass on the merged ranking.
 */
final class MatchesRankQuery extends RankQuery {
  private final Query mainQuery;
  private final MatchesRankParser.Request request;

  MatchesRankQuery(Query mainQuery, MatchesRankParser.Request request) {
    this.mainQuery = mainQuery;
    this.request = request;
  }

  MatchesRankQuery(MatchesRankParser.Request request) {
    this(new MatchAllDocsQuery(), request);
  }

  @Override
  public TopDocsCollector<? extends ScoreDoc> getTopDocsCollector(int len, QueryCommand cmd, IndexSearcher searcher)
      throws IOException {
    MatchesJob job = request.job(searcher);
    if (request.order() != MemberOrder.MODEL) {
      return new SortedMembersCollector(job, request.order(), request.text(), len);
    }
    int window = windowOf(job.window(), cmd);
    return new MatchesCollector(job, searcher.getIndexReader().leaves(), window, request.text(), len,
        request.text() ? TextMatchCount.of(mainQuery, cmd, searcher, limited(), window) : null);
  }

  /** Whether the request sets a limit on its query's time, CPU or memory, under which Solr may stop it early. */
  private static boolean limited() {
    SolrRequestInfo info = SolrRequestInfo.getRequestInfo();
    if (info == null || info.getReq() == null) {
      return false;
    }
    SolrParams params = info.getReq().getParams();
    return params.get(CommonParams.TIME_ALLOWED) != null || params.get("cpuAllowed") != null
        || params.get("memAllowed") != null;
  }

  /**
   * The candidates the whole model ranks: {@code window}, or as many as the page ends at. Not
   * Solr's {@code len}, which its result cache rounds up to {@code queryResultWindowSize}: the
   * window of a deep page would then depend on that rounding (a page ending at 750 ranked 760).
   */
  static int windowOf(int window, QueryCommand cmd) {
    return Math.max(window, cmd.getOffset() + cmd.getLen());
  }

  @Override
  public MergeStrategy getMergeStrategy() {
    return new MatchesMerge(request);
  }

  @Override
  public RankQuery wrap(Query query) {
    return query == null ? this : copy(query);
  }

  private MatchesRankQuery copy(Query query) {
    MatchesRankQuery copy = new MatchesRankQuery(query, request);
    copy.setCache(getCache());
    return copy;
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
    return mainQuery.createWeight(searcher, scoreMode, boost);
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    Query rewritten = mainQuery.rewrite(searcher);
    return rewritten == mainQuery ? this : copy(rewritten);
  }

  @Override
  public void visit(QueryVisitor visitor) {
    mainQuery.visit(visitor);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MatchesRankQuery that && mainQuery.equals(that.mainQuery)
        && request.equals(that.request);
  }

  @Override
  public int hashCode() {
    return Objects.hash(mainQuery, request);
  }

  @Override
  public String toString(String field) {
    return "{!" + MatchesRankParser.NAME + " window=" + request.window() + " size=" + request.pageSize() + " text="
        + request.text() + " diversify=" + request.diversify() + " order=" + request.order() + "}"
        + mainQuery.toString(field);
  }
}
