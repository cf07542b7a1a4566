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
 * One member ranking inside Solr (matches, and member search): what the service sent ({@link
 * RankParams}), the core's corpus and columns, the pre-rank prepared for them, and the whole model.
 * Immutable; thread-safe.
 *
 * @param window how many pre-ranked candidates the whole model ranks
 * @param pageSize the first page the diversity pass re-ranks
 * @param diversify whether the diversity pass runs (matches) or the model's order stands (search,
 *     and a shard of several, where the pass runs on the merged ranking: {@link MatchesMerge})
 */
record MatchesJob(RankParams params, Corpus corpus, ColumnCache columns, ColumnPrerank prerank, int window,
    int pageSize, boolean diversify) {
  private static final MatchRanker RANKER = Rankers.matches();

  static MatchesJob of(RankParams params, Corpus corpus, ColumnCache columns, int window, int pageSize,
      boolean diversify) {
    return new MatchesJob(params, corpus, columns, ColumnPrerank.of(params, corpus), window, pageSize, diversify);
  }

  /** The window ranked by the whole model, and diversified when asked: best first. */
  List<Ranked<MemberSignals>> rank(List<Candidate<MemberSignals>> candidates) {
    List<Ranked<MemberSignals>> ranked =
        RANKER.rank(params.viewer(), candidates, params.profile(), corpus, params.now());
    return diversify ? RANKER.diversify(ranked, pageSize, params.profile()) : ranked;
  }

  /**
   * One member scored and explained by the whole model (no diversity: it moves, never rescores).
   *
   * @param textRelevance the member's text score over the best of the result, 0 without text
   */
  Ranked<MemberSignals> one(MemberColumns segment, int doc, LeafReader reader, double textRelevance)
      throws IOException {
    MemberSignals member = MemberReader.signals(segment, doc, reader);
    return RANKER.rank(params.viewer(), List.of(new Candidate<>(member, textRelevance)), params.profile(), corpus,
        params.now()).get(0);
  }

  /**
   * What the whole model reads as text relevance: Solr's text score over the best one of the
   * result, in 0..1.
   */
  static double textRelevance(float score, float maxScore) {
    if (!(maxScore > 0) || Float.isNaN(score)) {
      return 0;
    }
    return Math.min(1, Math.max(0, (double) score / maxScore));
  }
}
