package com.expat.search.query.ranking;

import com.expat.search.query.members.GeoPoint;
import com.expat.search.query.members.KnownMember;
import com.expat.search.ranking.EventRanker;
import com.expat.search.ranking.MatchRanker;
import com.expat.search.ranking.RankingProfile;
import com.expat.search.ranking.RankingProfiles;
import com.expat.search.ranking.Rankers;
import com.expat.search.ranking.signals.Corpus;
import com.expat.search.ranking.signals.Viewer;
import com.expat.search.ranking.solr.RankParams;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;

/**
 * What every ranked endpoint needs from the model: the profiles (loaded once, at start), the
 * rankers, the interest statistics, the request's time and the window's size. Thread-safe; one
 * per service.
 */
public final class Ranking {
  /** Candidates the whole model ranks for a first page, unless {@code RANK_WINDOW} says. */
  public static final int WINDOW = 300;
  /** The smallest window: a first page of the default size. */
  public static final int MIN_WINDOW = 20;
  /**
   * The largest window (solr-config's too); deeper pages keep the pre-rank's order ({@link
   * MembersInSolr.Order#KEY}).
   */
  public static final int MAX_WINDOW = 1000;

  private final RankingProfiles profiles;
  private final InterestRarity rarity;
  private final Clock clock;
  private final MatchRanker matches = Rankers.matches();
  private final EventRanker events = Rankers.events();

  private final int window;
  private final RankingParams params;

  /**
   * @param window candidates the pre-rank keeps for the whole model, as {@code QueryServiceConfig}
   *     checked it ({@link #MIN_WINDOW}..{@link #MAX_WINDOW})
   * @param customWeights whether requests may set weights of their own ({@code RANKING_OVERRIDES})
   */
  public Ranking(RankingProfiles profiles, InterestRarity rarity, Clock clock, int window, boolean customWeights) {
    this.profiles = Objects.requireNonNull(profiles, "profiles");
    this.rarity = Objects.requireNonNull(rarity, "rarity");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.window = window;
    this.params = new RankingParams(profiles.names(), customWeights);
  }

  /** The window's size: candidates the whole model ranks for a first page. */
  public int window() {
    return window;
  }

  /** A ranking for no one in particular, to ask Solr whether it has the plugin ({@link RankInSolr#requirePlugin}). */
  public RankParams probe() {
    return new RankParams(profiles.profile(profiles.names().iterator().next()), Viewer.anonymous(null), now());
  }

  /** How requests name their profile and custom weights. */
  public RankingParams params() {
    return params;
  }

  /**
   * The named profile with the request's custom member weights.
   *
   * @throws com.expat.search.ranking.RankingException for a name not validated by {@link
   *     ProfileParam#read}
   */
  public RankingProfile forMembers(String name, CustomWeights weights) {
    return weights.forMembers(profiles.profile(name));
  }

  /**
   * The named profile with the request's custom event weights.
   *
   * @throws com.expat.search.ranking.RankingException for a name not validated by {@link
   *     ProfileParam#read}
   */
  public RankingProfile forEvents(String name, CustomWeights weights) {
    return weights.forEvents(profiles.profile(name));
  }

  public Corpus corpus() {
    return rarity.corpus();
  }

  /**
   * The request's time, to the minute: the same {@code NOW} for Solr and the ranker, and one
   * that keeps Solr's query result cache useful (the decays lose at most a minute).
   */
  public Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MINUTES);
  }

  public MatchRanker matches() {
    return matches;
  }

  public EventRanker events() {
    return events;
  }

  /** {@code member} as the ranking's viewer, distances from where they live. */
  public static Viewer viewer(KnownMember member) {
    return Viewer.of(member.signals(), new HashSet<>(member.contactIds()));
  }

  /**
   * Whom a search ranks for: the viewer (or an anonymous one), measuring distances from the place
   * searched when there is one, else from where the viewer lives.
   */
  public static Viewer viewer(Optional<KnownMember> viewer, Optional<GeoPoint> place) {
    Viewer result = viewer.map(Ranking::viewer).orElseGet(() -> Viewer.anonymous(null));
    return place.map(point -> result.withOrigin(point.latLon())).orElse(result);
  }
}
