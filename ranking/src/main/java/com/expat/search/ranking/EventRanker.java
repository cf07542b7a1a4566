package com.expat.search.ranking;

import com.expat.search.ranking.signals.Candidate;
import com.expat.search.ranking.signals.Corpus;
import com.expat.search.ranking.signals.EventSignals;
import com.expat.search.ranking.signals.Viewer;
import java.time.Instant;
import java.util.List;

/**
 * Ranks events for a viewer: event search and {@code GET /v1/members/{id}/events}. Hard
 * constraints (published, in the date range, not already attended) are the caller's filters in
 * Solr. Implementations are stateless and thread-safe; get one from {@link Rankers#events()}.
 */
public interface EventRanker {

  /**
   * Scores every candidate that has not ended by {@code now} with {@code profile}'s {@link
   * EventFeature} weights and returns them best first; ended events are left out; equal scores
   * keep the candidates' order.
   *
   * <p>Every argument is non-null; the result is a new mutable list the caller may re-order.
   *
   * @param viewer whom the ranking is for; {@link Viewer#anonymous} for an anonymous search
   * @param now the request's time; pass the same instant as Solr's {@code NOW} parameter
   */
  List<Ranked<EventSignals>> rank(
      Viewer viewer, List<Candidate<EventSignals>> candidates, RankingProfile profile, Corpus corpus, Instant now);
}
