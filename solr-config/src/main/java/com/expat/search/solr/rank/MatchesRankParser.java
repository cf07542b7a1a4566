package com.expat.search.solr.rank;

import com.expat.search.ranking.RankingException;
import com.expat.search.ranking.signals.Corpus;
import com.expat.search.ranking.signals.Viewer;
import com.expat.search.ranking.solr.RankParams;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import com.expat.search.ranking.DiversityParameters;
import org.apache.solr.common.params.CommonParams;
import org.apache.solr.common.params.ShardParams;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.handler.component.ResponseBuilder;
import org.apache.solr.request.SolrRequestInfo;
import org.apache.solr.common.util.NamedList;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.search.QParser;
import org.apache.solr.search.QParserPlugin;
import org.apache.solr.search.SolrIndexSearcher;
import org.apache.solr.search.SyntaxError;

/**
 * The query parser {@value #NAME}: {@code rq={!expat_matches window=W size=S}} with the ranking's
 * parameters ({@link RankParams#params()}) in the request. Matches by default; member search says
 * {@code text=true} (the window is the best by the main query's text score, which the model reads
 * as text relevance, instead of by the pre-rank) and {@code diversify=false}; {@code order=key|recent|distance}
 * keeps an order the model does not decide, at any depth, and the model scores the page ({@link
 * MemberOrder}). Holds what lives as long as the core:
 * the segments' {@link ColumnCache} and the {@link FindableCorpus} (init arg {@code
 * corpusTtlSeconds}, default 600). Thread-safe.
 */
public final class MatchesRankParser extends QParserPlugin {
  public static final String NAME = com.expat.search.vocabulary.QueryParsers.MATCHES;
  static final int MAX_WINDOW = 1000;

  private final ColumnCache columns = new ColumnCache();
  private FindableCorpus corpus = new FindableCorpus(columns, Duration.ofMinutes(10), System::nanoTime);

  @Override
  public void init(NamedList<?> args) {
    Object ttl = args == null ? null : args.get("corpusTtlSeconds");
    if (ttl != null) {
      corpus = new FindableCorpus(columns, Duration.ofSeconds(Long.parseLong(ttl.toString())), System::nanoTime);
    }
  }

  /**
   * What one request asks for, as sent: equal texts rank equally.
   *
   * @param profile, viewer, now the {@link RankParams} texts
   * @param shard whether this is one shard's part of a distributed request: it ranks without the
   *     diversity pass, which the coordinator runs on the merged ranking ({@link MatchesMerge})
   */
  record Request(String profile, String viewer, String now, int window, int pageSize, boolean text,
      boolean diversify, boolean shard, MemberOrder order, MatchesRankParser plugin, RankParams params) {
    MatchesJob job(IndexSearcher searcher) throws IOException {
      return MatchesJob.of(params, plugin.corpus(searcher), plugin.columns, window, pageSize, diversify && !shard);
    }

    /** Equal as sent: {@code params} is what the three texts read as, parsed once per request. */
    @Override
    public boolean equals(Object other) {
      return other instanceof Request that && Objects.equals(profile, that.profile)
          && Objects.equals(viewer, that.viewer) && Objects.equals(now, that.now) && window == that.window && pageSize == that.pageSize && text == that.text
          && diversify == that.diversify && shard == that.shard && order == that.order && plugin == that.plugin;
    }

    @Override
    public int hashCode() {
      return Objects.hash(profile, viewer, now, window, pageSize, text, diversify, shard, order, plugin);
    }
  }

  /**
   * The ranking's parameters of {@code req} once {@link #read} read them (the transformer or the
   * {@code rq}, whichever came first), so that neither parses the profile and the viewer again;
   * null before.
   */
  static RankParams parsed(SolrQueryRequest req) {
    return req.getContext().get(PARSED) instanceof RankParams params ? params : null;
  }

  private static final Object PARSED = new Object();

  /**
   * The ranking's parameters of {@code req}: the viewer as sent ({@link RankParams#VIEWER}), or
   * with {@link RankParams#VIEWER_ID} read inside Solr ({@link RequestViewer}, once per request;
   * the response then tells the service what was read) and ranked for as {@link
   * RankParams#viewer(java.util.Map)} builds them, measuring from {@link RankParams#VIEWER_ORIGIN}
   * when given. A viewer who is no active member ranks as no one: the filters that name them keep
   * everyone out, and the service answers 404.
   *
   * @throws SyntaxError naming the parameter that is missing or malformed
   */
  static RankParams read(SolrQueryRequest req) throws SyntaxError {
    // Solr creates fl's transformer before it parses rq: whichever reads first, both share it.
    RankParams read = parsed(req);
    if (read != null) {
      return read;
    }
    read = readOnce(req);
    req.getContext().put(PARSED, read);
    return read;
  }

  private static RankParams readOnce(SolrQueryRequest req) throws SyntaxError {
    SolrParams params = req.getParams();
    try {
      String viewerId = params.get(RankParams.VIEWER_ID);
      if (viewerId == null) {
        return RankParams.read(params::get);
      }
      RequestViewer read = RequestViewer.of(req, viewerId);
      read.report(req);
      Viewer viewer = read.found() ? RankParams.viewer(read.doc()) : Viewer.anonymous(null);
      return RankParams.read(params::get, RequestViewer.fromOrigin(req, viewer, NAME));
    } catch (RankingException e) {
      throw new SyntaxError(NAME + ": " + e.getMessage());
    }
  }

  /** The core's columns (for the transformer, which scores the page's documents). */
  ColumnCache columns() {
    return columns;
  }

  Corpus corpus(IndexSearcher searcher) throws IOException {
    return corpus.corpus(searcher);
  }

  @Override
  public QParser createParser(String qstr, SolrParams localParams, SolrParams params, SolrQueryRequest req) {
    return new QParser(qstr, localParams, params, req) {
      @Override
      public Query parse() throws SyntaxError {
        MemberOrder order = MemberOrder.parse(localParams.get("order"));
        if (order == null) {
          throw new SyntaxError(NAME + ": order must be model, key, recent or distance, was " + localParams.get("order"));
        }
        int size = localParams.getInt("size", 20);
        // Only the model's order ranks a window; the others keep Solr's start + rows, at any depth.
        int window = order == MemberOrder.MODEL ? localParams.getInt("window", 300) : size;
        if (window < 1 || window > MAX_WINDOW || size < 1 || size > window) {
          throw new SyntaxError(NAME + ": window must be 1.." + MAX_WINDOW + " and size 1..window, were " + window
              + " and " + size);
        }
        RankParams rank = read(req);
        boolean diversify = localParams.getBool("diversify", true) && order == MemberOrder.MODEL;
        boolean text = localParams.getBool("text", false);
        askShardsForTheMergedPool(rank, size, diversify, text);
        boolean handsOn = text && keepTheTextScores(order == MemberOrder.MODEL && !params.getBool(ShardParams.IS_SHARD, false));
        // The viewer as ranked, also when Solr read them: a changed viewer is another request.
        MatchesRankQuery query = new MatchesRankQuery(new Request(params.get(RankParams.PROFILE), RankParams.text(rank.viewer()),
            params.get(RankParams.NOW), window, size, text,
            diversify, params.getBool(ShardParams.IS_SHARD, false), order,
            MatchesRankParser.this, rank));
        // Solr's result cache would serve the order without the window, which hands the text scores on.
        query.setCache(!handsOn);
        return query;
      }

      /**
       * With text the transformer reads the page's text scores and the result's best; whether the
       * window hands them on (true) or Solr keeps them. On one core in the model's order the window
       * hands them on itself ({@link MatchesCollector.WindowTextScores}):
       * Solr's scores are then not asked for, so it adds no collector of its own that scores every
       * match again for the best ({@code MaxScoreCollector}, ~8 % of a member search with common words
       * at 1M), and the query is not cached in its query result cache, which would serve the order
       * without the window (the service's caches answer repeats). Otherwise
       * the page's documents keep Solr's scores, without {@code score} in {@code fl}: Solr counts
       * {@code score} as a field to fetch, and with it (and no other field) it read each page
       * document's stored fields for nothing (docs/benchmarks.md, "Solr's side of member search").
       */
      private boolean keepTheTextScores(boolean fromTheWindow) {
        SolrRequestInfo info = SolrRequestInfo.getRequestInfo();
        ResponseBuilder builder = info == null ? null : info.getResponseBuilder();
        if (builder == null || builder.req != req) {
          return false;
        }
        if (fromTheWindow && !builder.isDistributed()) {
          return true;
        }
        builder.setFieldFlags(builder.getFieldFlags() | SolrIndexSearcher.GET_SCORES);
        return false;
      }

      /**
       * On the coordinator of a distributed request: each shard returns its best {@code start +
       * rows} by default, but the diversity pass on the merged ranking chooses the first page from
       * the best {@code size × poolFactor}, so each shard returns at least that many.
       */
      private void askShardsForTheMergedPool(RankParams rank, int size, boolean diversify, boolean text) {
        SolrRequestInfo info = SolrRequestInfo.getRequestInfo();
        ResponseBuilder builder = info == null ? null : info.getResponseBuilder();
        if (builder == null || !builder.isDistributed() || builder.req != req) {
          return;
        }
        DiversityParameters diversity = rank.profile().diversity();
        int pool = diversify && diversity.strength() > 0 ? size * diversity.poolFactor() : 0;
        int page = params.getInt(CommonParams.START, 0) + params.getInt(CommonParams.ROWS, CommonParams.ROWS_DEFAULT);
        builder.shards_rows = Math.max(builder.shards_rows, Math.max(pool, page));
        // With text the second request for the page's fields carries the page's text scores and the
        // best over every shard (MatchesMerge), for the transformer.
      }
    };
  }
}
