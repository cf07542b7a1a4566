package com.expat.search.ranking;

import com.expat.search.ranking.signals.Candidate;
import com.expat.search.ranking.signals.Corpus;
import com.expat.search.ranking.signals.MemberSignals;
import com.expat.search.ranking.signals.Viewer;
import java.time.Instant;
import java.util.List;

/**
 * Ranks members for a viewer: {@code GET /v1/members/{id}/matches} and member search. Hard
 * constraints (findable, not blocked, not a contact, shares a language, within the radius) are
 * the caller's filters in Solr; this orders what passes them. Implementations are stateless and
 * thread-safe; get one from {@link Rankers#matches()}.
 */
public interface MatchRanker {

  /**
   * Scores every candidate with {@code profile}'s {@link MemberFeature} weights and returns them
   * best first; equal scores keep the candidates' order (Solr's). Linear in the candidates and
   * light on allocation (one small array per candidate; no text until {@link
   * Ranked#explanation()}).
   *
   * <p>Every argument is non-null; the result is a new mutable list the caller may re-order.
   *
   * @param viewer whom the ranking is for; {@link Viewer#anonymous} for an anonymous search
   * @param now the request's time (from the service's {@code Clock}); pass the same instant as
   *     Solr's {@code NOW} parameter
   */
  List<Ranked<MemberSignals>> rank(
      Viewer viewer, List<Candidate<MemberSignals>> candidates, RankingProfile profile, Corpus corpus, Instant now);

  /**
   * Re-ranks the first page of {@code ranked} so that it is not all one nationality or one cluster
   * of interests (maximal marginal relevance, {@link DiversityParameters}); what follows keeps its
   * order, so later pages neither repeat nor skip anyone. Deterministic; strength 0 returns the
   * same order.
   *
   * @param pageSize the size of the first page, >= 1
   */
  List<Ranked<MemberSignals>> diversify(List<Ranked<MemberSignals>> ranked, int pageSize, RankingProfile profile);
}
