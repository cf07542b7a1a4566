package com.expat.search.query.ranking;

/** The available {@link MemberRanking}s. */
public final class MemberRankings {
  private MemberRankings() {}

  /** Hand-set weights over shared interests, languages, distance, activity and newness. */
  public static MemberRanking simple() {
    return new SimpleMemberRanking();
  }
}
