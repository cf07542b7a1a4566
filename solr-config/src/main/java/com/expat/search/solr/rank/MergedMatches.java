package com.expat.search.solr.rank;

import com.expat.search.ranking.Rankers;
import com.expat.search.ranking.RankingProfile;
import com.expat.search.ranking.signals.MemberSignals;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.apache.solr.common.util.NamedList;

/**
 * The first pages of matches from several shards' rankings, as one core holding every member
 * would give them: the members in one core's order (the model's score, then its window's
 * tie-breaks: pre-rank, last activity, id), the ranking module's diversity pass on that merged
 * ranking, then the page. Stateless.
 */
final class MergedMatches {
  /** One core's order: {@code Rankers.matches().rank} keeps the window's order for equal scores. */
  static final Comparator<Member<?>> ONE_CORE_ORDER = Comparator.<Member<?>>comparingDouble(Member::score).reversed()
      .thenComparing(Comparator.<Member<?>>comparingDouble(Member::prerank).reversed())
      .thenComparing(Comparator.<Member<?>>comparingLong(Member::lastActive).reversed())
      .thenComparingLong(Member::id);

  /**
   * An order the model does not decide ({@link MemberOrder}): the order's own value, then the
   * window's key, last activity (none for distance) and id as text, as {@link SortedMembersCollector} keeps it.
   */
  static final Comparator<Member<?>> SORTED_ORDER = Comparator.<Member<?>>comparingDouble(Member::primary).reversed()
      .thenComparing(Comparator.<Member<?>>comparingDouble(Member::prerank).reversed())
      .thenComparing(Comparator.<Member<?>>comparingLong(Member::lastActive).reversed())
      .thenComparing((a, b) -> MemberOrder.idsInTextOrder(a.id(), b.id()));

  private MergedMatches() {}

  /**
   * A member as a shard ranked it.
   *
   * @param item what the caller merges (Solr's {@code ShardDoc})
   * @param score the model's exact score
   * @param prerank the window's key as the shard's window held it: the pre-rank, or the text score
   *     with query text
   * @param signals what the diversity pass compares: origin and interests (nothing else is set)
   */
  record Member<T>(T item, double score, float prerank, double primary, long lastActive, long id,
      MemberSignals signals) {
    /** Entry {@code i} of a shard's {@link MatchesMerge#VALUES}. */
    static <T> Member<T> of(T item, NamedList<?> values, int i) {
      long id = number(values, "id", i).longValue();
      String origin = (String) ((List<?>) values.get("origin")).get(i);
      List<?> slugs = (List<?>) ((List<?>) values.get("interests")).get(i);
      HashSet<String> interests = new HashSet<>();
      slugs.forEach(slug -> interests.add((String) slug));
      MemberSignals signals = new MemberSignals(id, null, 0, null, origin, null, interests, null, null, 0);
      double primary = values.get("primary") == null ? 0 : number(values, "primary", i).doubleValue();
      return new Member<>(item, number(values, "score", i).doubleValue(), number(values, "prerank", i).floatValue(),
          primary, number(values, "lastActive", i).longValue(), id, signals);
    }

    private static Number number(NamedList<?> values, String name, int i) {
      return (Number) ((List<?>) values.get(name)).get(i);
    }
  }

  /**
   * Rows {@code start ..< start + rows} of the merged ranking (in {@code order}), its first {@code
   * pageSize} diversified by {@code diversity}'s profile when present and the order is the model's.
   */
  static <T> List<Member<T>> page(List<Member<T>> members, MemberOrder order, Optional<RankingProfile> diversity,
      int pageSize, int start, int rows) {
    List<Member<T>> ranked = new ArrayList<>(members);
    ranked.sort(order == MemberOrder.MODEL ? ONE_CORE_ORDER : SORTED_ORDER);
    List<Member<T>> diversified = ranked.isEmpty() || diversity.isEmpty() || order != MemberOrder.MODEL ? ranked
        : Rankers.diversify(ranked, Member::score, Member::signals, pageSize, diversity.get());
    int from = Math.min(Math.max(start, 0), diversified.size());
    int to = Math.min(diversified.size(), from + Math.max(rows, 0));
    return List.copyOf(diversified.subList(from, to));
  }
}
