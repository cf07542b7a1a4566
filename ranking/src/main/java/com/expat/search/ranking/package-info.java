/**
 * The relevance model for expat matches and events: {@link com.expat.search.ranking.Rankers}
 * gives a {@link com.expat.search.ranking.MatchRanker} and an {@link
 * com.expat.search.ranking.EventRanker} that score candidates as {@code Σ weight × feature} with
 * weights from a named {@link com.expat.search.ranking.RankingProfile} ({@link
 * com.expat.search.ranking.RankingProfiles}), and explain each score. Pure Java; the only I/O is
 * reading the profiles. How the query service uses it: {@code ranking/README.md}.
 */
package com.expat.search.ranking;
