package com.expat.search.ranking;

/**
 * What the ranking module throws on purpose: a ranking profile that is missing or invalid. The
 * message names the profile and the bad value. Unchecked; the ranking module depends on nothing of
 * the project's, so this extends {@link RuntimeException} and the query service translates it.
 */
public class RankingException extends RuntimeException {
  public RankingException(String message) {
    super(message);
  }

  public RankingException(String message, Throwable cause) {
    super(message, cause);
  }
}
