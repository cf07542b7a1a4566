package com.expat.search.solr.rank;

import com.expat.search.ranking.Explanation;
import com.expat.search.ranking.Ranked;
import com.expat.search.ranking.signals.EventSignals;
import com.expat.search.ranking.solr.EventRankParams;
import com.expat.search.ranking.solr.ReasonText;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.search.SyntaxError;
import org.apache.solr.response.transform.DocTransformer;
import org.apache.solr.response.transform.TransformerFactory;
import org.apache.solr.search.DocIterationInfo;

/**
 * {@code fl=...,[expat_events]} or {@code [expat_events explain=true]}: each returned event with
 * the whole event model's exact score ({@link MatchesTransformerFactory#SCORE}, a double) and,
 * when asked, the explanation ({@link MatchesTransformerFactory#EXPLAIN} as {@code
 * feature=contribution} texts, {@link MatchesTransformerFactory#REASONS} as {@link ReasonText}s),
 * scored from the same {@link EventRankParams} as {@code rq}. An event's score does not depend on
 * the others, so the page's events are scored one by one, also when Solr served the order from
 * its result cache. With {@code text=true} ({@code fl} must name {@code score}) an event's text
 * relevance is the score {@code rq} gave it over the result's best; on a shard of several, the score
 * the coordinator handed on over the best of every shard ({@link TextScores}).
 */
public final class EventsTransformerFactory extends TransformerFactory {
  @Override
  public DocTransformer create(String field, SolrParams params, SolrQueryRequest req) {
    if (!(req.getCore().getQueryPlugin(EventsRankParser.NAME) instanceof EventsRankParser plugin)) {
      throw new SolrException(SolrException.ErrorCode.SERVER_ERROR, EventsRankParser.NAME + " is not registered");
    }
    EventRankParams rank;
    try {
      rank = EventsRankParser.read(req);
    } catch (SyntaxError e) {
      throw new SolrException(SolrException.ErrorCode.BAD_REQUEST, field + ": " + e.getMessage());
    }
    boolean explain = params != null && params.getBool("explain", false);
    boolean text = params != null && params.getBool("text", false);
    EventsJob job = EventsJob.of(rank, plugin.columns(), 1);
    // On a shard of several, the page's second request: text scores and the best of every shard.
    TextScores handedOn = TextScores.read(req.getParams()).orElse(null);
    return new DocTransformer() {
      @Override
      public String getName() {
        return field;
      }

      @Override
      public boolean needsSolrIndexSearcher() {
        return true;
      }

      @Override
      public void transform(SolrDocument doc, int docid, DocIterationInfo info) {
        if (text && handedOn != null) {
          transform(doc, docid);
          return;
        }
        score(doc, docid, text ? MatchesJob.textRelevance(info.score(), context.getDocList().maxScore()) : 0);
      }

      @Override
      public void transform(SolrDocument doc, int docid) {
        if (text && handedOn != null) {
          score(doc, docid, Double.NaN);
          return;
        }
        if (text) {
          throw new SolrException(SolrException.ErrorCode.BAD_REQUEST, field + ": text=true needs score in fl");
        }
        score(doc, docid, 0);
      }

      private void score(SolrDocument doc, int docid, double textRelevance) {
        List<LeafReaderContext> leaves = context.getSearcher().getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docid, leaves));
        EventColumns columns = plugin.columns().columns(leaf.reader());
        if (Double.isNaN(textRelevance)) {
          textRelevance = handedOn.relevance(columns.idOrder[docid - leaf.docBase]);
        }
        Ranked<EventSignals> ranked = job.one(columns, docid - leaf.docBase, textRelevance);
        if (ranked == null) {
          return; // over by the request's time: the ranking left it out, so no page shows it
        }
        doc.setField(MatchesTransformerFactory.SCORE, ranked.score());
        if (explain) {
          Explanation explanation = ranked.explanation();
          List<String> contributions = new ArrayList<>();
          explanation.byFeature().forEach((feature, value) -> contributions.add(feature + "=" + value));
          doc.setField(MatchesTransformerFactory.EXPLAIN, contributions);
          List<String> reasons = new ArrayList<>();
          explanation.reasons().forEach(reason -> reasons.add(ReasonText.write(reason)));
          doc.setField(MatchesTransformerFactory.REASONS, reasons);
        }
      }
    };
  }
}
