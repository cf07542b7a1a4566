package com.expat.search.bench.jmh;

import com.expat.search.ranking.EventRanker;
import com.expat.search.ranking.Explanation;
import com.expat.search.ranking.Ranked;
import com.expat.search.ranking.RankingProfile;
import com.expat.search.ranking.RankingProfiles;
import com.expat.search.ranking.Rankers;
import com.expat.search.ranking.signals.Corpus;
import com.expat.search.ranking.signals.EventSignals;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The Java stage of {@code GET /v1/members/{id}/events}, per request, on the demo's members with
 * 20,000 events instead of 3,000 (seed 42; {@link RankingWindows#EVENTFUL}): real viewers, each
 * with the {@code window} events the service's filters let through, cut by the Solr-side score.
 * The demo's default request (30 days, 100 km) gives most members a handful of events (median 6),
 * so the window is filled with more events and the widest request the API accepts
 * ({@code days=365&radius_km=1000}), the shape of a busy city or an event search with a viewer:
 * the ranker's cost depends on the number of candidates, not on how they were found. Cycles over
 * 16 viewers.
 *
 * <ul>
 *   <li>{@code rank}: {@link EventRanker#rank} of the whole window;
 *   <li>{@code explainPage}: that plus {@code explain=true} for a page of 20 ({@link
 *       Ranked#explanation()}, {@code byFeature()}, reasons).
 * </ul>
 *
 * <p>Run: {@code bin/expat-search bench jmh EventRankingBenchmark -f 1 -wi 2 -w 1s -i 3 -r 1s}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class EventRankingBenchmark {
  static final int PAGE = 20;

  @Param({"300", "1000"})
  public int window;

  @Param({"default", "local-first", "interests-first"})
  public String profile;

  private final EventRanker ranker = Rankers.events();
  private RankingProfile rankingProfile;
  private Corpus corpus;
  private Instant now;
  private List<RankingWindows.Window<EventSignals>> windows;
  private int next;

  @Setup
  public void setUp() {
    RankingWindows world = RankingWindows.of(RankingWindows.EVENTFUL);
    rankingProfile = RankingProfiles.load().profile(profile);
    corpus = world.corpus;
    now = world.now;
    windows = world.eventWindows(window, 365, 1000, rankingProfile);
  }

  @Benchmark
  public List<Ranked<EventSignals>> rank() {
    RankingWindows.Window<EventSignals> w = windows.get(next++ % windows.size());
    return ranker.rank(w.viewer(), w.candidates(), rankingProfile, corpus, now);
  }

  @Benchmark
  public void explainPage(Blackhole hole) {
    RankingWindows.Window<EventSignals> w = windows.get(next++ % windows.size());
    List<Ranked<EventSignals>> ranked = ranker.rank(w.viewer(), w.candidates(), rankingProfile, corpus, now);
    for (Ranked<EventSignals> item : ranked.subList(0, Math.min(PAGE, ranked.size()))) {
      Explanation explanation = item.explanation();
      hole.consume(explanation.byFeature());
      hole.consume(explanation.reasons());
    }
  }
}
