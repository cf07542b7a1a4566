package com.expat.search.solr.rank;

import com.expat.search.ranking.Explanation;
import com.expat.search.ranking.MatchModel;
import com.expat.search.ranking.Ranked;
import com.expat.search.ranking.solr.ReasonText;
import com.expat.search.ranking.signals.MemberSignals;
import com.expat.search.ranking.solr.RankParams;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.response.transform.DocTransformer;
import org.apache.solr.response.transform.TransformerFactory;
import org.apache.solr.search.DocIterationInfo;
import org.apache.solr.search.SolrIndexSearcher;

/**
 * {@code fl=...,[expat_matches]} or {@code [expat_matches explain=true]}: each returned member
 * with the whole model's exact score ({@value #SCORE}, a double, where Solr's {@code score} is a
 * float) and, when asked, the explanation: {@value #EXPLAIN} as {@code feature=contribution}
 * texts (contributions sum to the score) and {@value #REASONS} ({@link ReasonText}, language-neutral
 * codes and values: the service words them). Scored from the same {@link
 * RankParams} as {@code rq}; a member's score does not depend on the others, so the page's
 * documents are scored one by one, also when Solr served the order from its result cache. With
 * {@code text=true} (member search with text) a member's text relevance is the score {@code rq}
 * gave it over the result's best ({@link MatchesCollector}): on one core in the model's order the
 * window hands both on in the request's context ({@link MatchesCollector.WindowTextScores}); in the
 * other orders and on shards the {@code rq} with {@code text=true} keeps the page's scores, as
 * {@code score} in {@code fl} would.
 */
public final class MatchesTransformerFactory extends TransformerFactory {
  public static final String SCORE = "expat_score";
  public static final String EXPLAIN = "expat_explain";
  public static final String REASONS = "expat_reasons";

  @Override
  public DocTransformer create(String field, SolrParams params, SolrQueryRequest req) {
    if (!(req.getCore().getQueryPlugin(MatchesRankParser.NAME) instanceof MatchesRankParser plugin)) {
      throw new SolrException(SolrException.ErrorCode.SERVER_ERROR, MatchesRankParser.NAME + " is not registered");
    }
    RankParams rank = MatchesRankParser.parsed(req);
    if (rank == null) {
      try {
        rank = MatchesRankParser.read(req);
      } catch (org.apache.solr.search.SyntaxError e) {
        throw new SolrException(SolrException.ErrorCode.BAD_REQUEST, field + ": " + e.getMessage());
      }
    }
    RankParams ranking = rank;
    boolean explain = params != null && params.getBool("explain", false);
    boolean text = params != null && params.getBool("text", false);
    // On a shard of several, the page's second request: text scores and the best of every shard.
    TextScores handedOn = TextScores.read(req.getParams()).orElse(null);
    return new DocTransformer() {
      /** The whole model prepared once for the page's members. */
      private MemberScorer scorer;

      @Override
      public String getName() {
        return field;
      }

      @Override
      public boolean needsSolrIndexSearcher() {
        return true;
      }

      @Override
      public void transform(SolrDocument doc, int docid, DocIterationInfo info) throws IOException {
        if (text && handedOn != null) {
          transform(doc, docid);
          return;
        }
        if (text && !context.getDocList().hasScores()) {
          transform(doc, docid);
          return;
        }
        score(doc, docid, text ? MatchesJob.textRelevance(info.score(), context.getDocList().maxScore()) : 0);
      }

      @Override
      public void transform(SolrDocument doc, int docid) throws IOException {
        if (text && handedOn != null) {
          score(doc, docid, Double.NaN);
          return;
        }
        if (text) {
          // On one core in the model's order the window handed the page's text scores on.
          MatchesCollector.WindowTextScores window = MatchesCollector.WindowTextScores.of(req);
          Float score = window == null ? null : window.byDoc().get(docid);
          if (score == null) {
            throw new SolrException(SolrException.ErrorCode.BAD_REQUEST,
                field + ": text=true needs rq text=true or score in fl");
          }
          score(doc, docid, MatchesJob.textRelevance(score, window.best()));
          return;
        }
        score(doc, docid, 0);
      }

      private void score(SolrDocument doc, int docid, double textRelevance) throws IOException {
        SolrIndexSearcher searcher = context.getSearcher();
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docid, leaves));
        if (scorer == null) {
          scorer = new MemberScorer(
              MatchModel.of(ranking.viewer(), ranking.profile(), plugin.corpus(searcher), ranking.now()));
        }
        MemberColumns columns = plugin.columns().columns(leaf.reader());
        int local = docid - leaf.docBase;
        if (Double.isNaN(textRelevance)) {
          textRelevance = handedOn.relevance(columns.id[local]);
        }
        MemberScorer.Segment member = scorer.segment(columns);
        if (!explain) {
          doc.setField(SCORE, member.score(local, textRelevance));
          return;
        }
        Ranked<MemberSignals> ranked = member.explained(local, leaf.reader(), textRelevance);
        doc.setField(SCORE, ranked.score());
        Explanation explanation = ranked.explanation();
        List<String> contributions = new ArrayList<>();
        Map<String, Double> byFeature = new LinkedHashMap<>(explanation.byFeature());
        byFeature.forEach((feature, value) -> contributions.add(feature + "=" + value));
        doc.setField(EXPLAIN, contributions);
        List<String> reasons = new ArrayList<>();
        explanation.reasons().forEach(reason -> reasons.add(ReasonText.write(reason)));
        doc.setField(REASONS, reasons);
      }
    };
  }
}
