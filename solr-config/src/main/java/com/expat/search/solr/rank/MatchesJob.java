package com.expat.search.solr.rank;

import com.expat.search.ranking.MatchRanker;
import com.expat.search.ranking.Ranked;
import com.expat.search.ranking.Rankers;
import com.expat.search.ranking.signals.Candidate;
import com.expat.search.ranking.signals.Corpus;
import com.expat.search.ranking.signals.MemberSignals;
import com.expat.search.ranking.solr.ColumnPrerank;
import com.expat.search.ranking.solr.RankParams;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.LeafReader;

/**
 * One matches ranking inside Solr: what the service sent ({@link RankParams}), the core's corpus
 * and columns, the pre-rank prepared for them, and the whole model. Immutable; thread-safe.
 *
 * @param window how many pre-ranked candidates the whole model ranks
 * @param pageSize the first page the diversity pass re-ranks
 */
record MatchesJob(RankParams params, Corpus corpus, ColumnCache columns, ColumnPrerank prerank, int window,
    int pageSize) {
  private static final MatchRanker RANKER = Rankers.matches();

  static MatchesJob of(RankParams params, Corpus corpus, ColumnCache columns, int window, int pageSize) {
    return new MatchesJob(params, corpus, columns, ColumnPrerank.of(params, corpus), window, pageSize);
  }

  /** The window ranked by the whole model and diversified: best first. */
  List<Ranked<MemberSignals>> rank(List<Candidate<MemberSignals>> candidates) {
    List<Ranked<MemberSignals>> ranked =
        RANKER.rank(params.viewer(), candidates, params.profile(), corpus, params.now());
    return RANKER.diversify(ranked, pageSize, params.profile());
  }

  /** One member scored and explained by the whole model (no diversity: it moves, never rescores). */
  Ranked<MemberSignals> one(MemberColumns segment, int doc, LeafReader reader) throws IOException {
    MemberSignals member = MemberReader.signals(segment, doc, reader);
    return RANKER.rank(params.viewer(), List.of(Candidate.of(member)), params.profile(), corpus, params.now())
        .get(0);
  }
}
