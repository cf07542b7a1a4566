package com.expat.search.lab;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One judged query.
 *
 * @param id unique within its set, also the TREC qid (no spaces)
 * @param memberId the member the query is for ({@code matches}, {@code member_events}) or the
 *     viewer of a member search; null when none
 * @param params API parameters of a member search ({@code q}, {@code city}, {@code lang}, ...;
 *     repeatable ones comma-joined); extra parameters for the other types
 * @param segments tags to aggregate by, e.g. {@code new_member}, {@code big_city}
 * @param candidates the documents a ranker may choose from, when the set defines a pool (rankers
 *     that do not search, such as random, rank these); empty when the ranker searches itself
 * @param judgments grade by document id ({@code 0} judged not relevant); documents not listed are
 *     unjudged and count as grade 0
 */
public record LabQuery(
    String id,
    QueryType type,
    Long memberId,
    Map<String, String> params,
    List<String> segments,
    List<String> candidates,
    Map<String, Integer> judgments) {

  public LabQuery {
    Objects.requireNonNull(id, "id");
    if (id.isBlank() || id.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("query id '" + id + "' must be non-empty and without spaces");
    }
    Objects.requireNonNull(type, "type");
    if (type != QueryType.MEMBER_SEARCH && memberId == null) {
      throw new IllegalArgumentException("query " + id + " of type " + type.wireName() + " needs a member_id");
    }
    params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(params));
    segments = segments == null ? List.of() : List.copyOf(segments);
    candidates = candidates == null ? List.of() : List.copyOf(candidates);
    judgments = judgments == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(judgments));
    for (Map.Entry<String, Integer> judgment : judgments.entrySet()) {
      if (judgment.getValue() == null || judgment.getValue() < 0) {
        throw new IllegalArgumentException("query " + id + ": grade of " + judgment.getKey() + " is " + judgment.getValue() + ", expected >= 0");
      }
    }
  }

  /** The grade of {@code doc}, 0 when unjudged. */
  public int grade(String doc) {
    return judgments.getOrDefault(doc, 0);
  }

  /** This query with other judgments. */
  public LabQuery withJudgments(Map<String, Integer> newJudgments) {
    return new LabQuery(id, type, memberId, params, segments, candidates, newJudgments);
  }
}
