package com.expat.search.solr.rank;

import com.expat.search.ranking.EventRanker;
import com.expat.search.ranking.Ranked;
import com.expat.search.ranking.Rankers;
import com.expat.search.ranking.signals.Candidate;
import com.expat.search.ranking.signals.EventSignals;
import com.expat.search.ranking.solr.EventColumnPrerank;
import com.expat.search.ranking.solr.EventRankParams;
import java.util.List;

/**
 * One event ranking inside Solr (a member's events, event search in relevance order): what the
 * service sent ({@link EventRankParams}), the core's columns, the pre-rank prepared for them and
 * the whole event model. Immutable; thread-safe.
 *
 * @param window how many pre-ranked candidates the whole model ranks
 */
record EventsJob(EventRankParams params, EventColumnCache columns, EventColumnPrerank prerank, int window) {
  private static final EventRanker RANKER = Rankers.events();

  static EventsJob of(EventRankParams params, EventColumnCache columns, int window) {
    return new EventsJob(params, columns, EventColumnPrerank.of(params), window);
  }

  /** The window ranked by the whole model, best first; events over by the request's time left out. */
  List<Ranked<EventSignals>> rank(List<Candidate<EventSignals>> candidates) {
    return RANKER.rank(params.viewer(), candidates, params.profile(), params.corpus(), params.now());
  }

  /**
   * One event scored and explained by the whole model; null when it is not one the model ranks
   * (over by the request's time, or without a start).
   */
  Ranked<EventSignals> one(EventColumns segment, int doc, double textRelevance) {
    EventSignals event = EventReader.signals(segment, doc);
    if (event == null) {
      return null;
    }
    List<Ranked<EventSignals>> ranked = rank(List.of(new Candidate<>(event, textRelevance)));
    return ranked.isEmpty() ? null : ranked.get(0);
  }
}
