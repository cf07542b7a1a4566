package com.expat.search.ranking;

/** The rankers. Each is stateless and thread-safe: create once, share. */
public final class Rankers {
  private Rankers() {}

  public static MatchRanker matches() {
    return new LinearMatchRanker();
  }

  public static EventRanker events() {
    return new LinearEventRanker();
  }
}
