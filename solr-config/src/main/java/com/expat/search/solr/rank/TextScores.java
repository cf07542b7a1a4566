package com.expat.search.solr.rank;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.solr.common.params.MapSolrParams;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.common.util.NamedList;

/**
 * A page's text scores handed from the coordinator to the shards' second request for the page's
 * fields (members and events with query text, on SolrCloud). The model reads an item's text
 * relevance as its text score over the best of the result ({@link MatchesJob#textRelevance}); a
 * shard knows only its own best, so the coordinator, which has every shard's, passes the best of
 * all ({@value #BEST}) and the page's raw text scores ({@value #SCORES}, {@code id:score,...}) as
 * parameters, from which the transformers score and explain each item as one core would. Written
 * by {@link MatchesMerge}, {@link EventsMerge} and, for plain sorts, {@link TextScoresQueryComponent};
 * read by the transformers. Immutable.
 */
final class TextScores {
  static final String BEST = "expat.text.best";
  static final String SCORES = "expat.text.scores";

  private final float best;
  private final Map<Long, Float> byId;

  private TextScores(float best, Map<Long, Float> byId) {
    this.best = best;
    this.byId = byId;
  }

  /** The parameters that hand {@code best} and the page's text scores by id on. */
  static SolrParams params(float best, Map<Long, Float> page) {
    StringBuilder scores = new StringBuilder();
    page.forEach((id, score) -> scores.append(scores.length() == 0 ? "" : ",").append(id).append(':').append(score));
    return new MapSolrParams(Map.of(BEST, Float.toString(best), SCORES, scores.toString()));
  }

  /** What {@code params} hand on; empty on one core, and in a shard's first request. */
  static Optional<TextScores> read(SolrParams params) {
    String best = params.get(BEST);
    if (best == null) {
      return Optional.empty();
    }
    Map<Long, Float> byId = new HashMap<>();
    String scores = params.get(SCORES, "");
    for (String entry : scores.isEmpty() ? new String[0] : scores.split(",")) {
      int colon = entry.indexOf(':');
      byId.put(Long.parseLong(entry.substring(0, colon)), Float.parseFloat(entry.substring(colon + 1)));
    }
    return Optional.of(new TextScores(Float.parseFloat(best), byId));
  }

  /** The text relevance of item {@code id} against the best of every shard; 0 when the page holds no score for it. */
  double relevance(long id) {
    Float score = byId.get(id);
    return score == null ? 0 : MatchesJob.textRelevance(score, best);
  }

  /** {@code members} scored with {@code weight} x their text relevance against {@code bestText}: the recombined scores of a merge (members and events). */
  static <T> List<MergedMatches.Member<T>> withText(List<MergedMatches.Member<T>> members, double weight,
      float bestText) {
    List<MergedMatches.Member<T>> scored = new ArrayList<>(members.size());
    for (MergedMatches.Member<T> m : members) {
      scored.add(new MergedMatches.Member<>(m.item(), m.score() + weight * MatchesJob.textRelevance(m.prerank(), bestText),
          m.prerank(), m.primary(), m.lastActive(), m.id(), m.signals()));
    }
    return scored;
  }

  /**
   * A shard's best text score ({@code maxScore} of its merge values: {@link MatchesMerge#VALUES},
   * {@link EventsMerge#VALUES}), when above {@code best}.
   */
  static float bestText(NamedList<?> values, float best) {
    return values.get("maxScore") instanceof Number shard && shard.floatValue() > best ? shard.floatValue() : best;
  }

  /** The page's text scores (the window's key with text) by id, for {@link #params}. */
  static Map<Long, Float> of(List<? extends MergedMatches.Member<?>> page) {
    Map<Long, Float> scores = new HashMap<>();
    page.forEach(member -> scores.put(member.id(), member.prerank()));
    return scores;
  }
}
