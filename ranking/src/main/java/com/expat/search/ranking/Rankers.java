package com.expat.search.ranking;

import com.expat.search.ranking.signals.MemberSignals;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/** The rankers. Each is stateless and thread-safe: create once, share. */
public final class Rankers {
  private Rankers() {}

  public static MatchRanker matches() {
    return new LinearMatchRanker();
  }

  public static EventRanker events() {
    return new LinearEventRanker();
  }

  /**
   * {@link MatchRanker#diversify}'s pass over members ranked elsewhere and merged, such as the
   * best of several Solr shards, each ranked by the model on its shard: the same first page as
   * {@code diversify} gives for the same members, scores and order.
   *
   * @param bestFirst the merged ranking, best first (equal scores in the order wanted)
   * @param score each item's model score
   * @param member each item's signals; the pass reads the origin and the interests
   * @param pageSize the size of the first page, >= 1
   * @return a new list: the first page diversified, the rest in {@code bestFirst}'s order
   */
  public static <T> List<T> diversify(List<T> bestFirst, ToDoubleFunction<? super T> score,
      Function<? super T, MemberSignals> member, int pageSize, RankingProfile profile) {
    return Diversifier.rerank(bestFirst, score, member, pageSize, profile.diversity());
  }

  /**
   * The same pass over members that are not {@link MemberSignals}, such as a window read from
   * Solr's columns: {@code origin} gives each item's nationality (null when unknown), {@code
   * interests} its interest slugs, each once; the same first page as for signals with those values.
   */
  public static <T> List<T> diversify(List<T> bestFirst, ToDoubleFunction<? super T> score,
      Function<? super T, String> origin, Function<? super T, ? extends Collection<String>> interests, int pageSize,
      RankingProfile profile) {
    return Diversifier.rerank(bestFirst, score, origin, interests, pageSize, profile.diversity());
  }
}
