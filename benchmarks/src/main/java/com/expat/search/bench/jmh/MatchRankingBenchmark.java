package com.expat.search.bench.jmh;

import com.expat.search.ranking.Explanation;
import com.expat.search.ranking.MatchRanker;
import com.expat.search.ranking.Ranked;
import com.expat.search.ranking.RankingProfile;
import com.expat.search.ranking.RankingProfiles;
import com.expat.search.ranking.Rankers;
import com.expat.search.ranking.signals.Corpus;
import com.expat.search.ranking.signals.MemberSignals;
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
 * The Java stage of {@code GET /v1/members/{id}/matches}, per request, on the demo world (30,000
 * members, seed 42; {@link RankingWindows}): real viewers from the big cities, each with the
 * {@code window} candidates Solr would hand over (the service's filters, radius 100 km, cut by the
 * Solr-side score), cycling over 16 viewers.
 *
 * <ul>
 *   <li>{@code rank}: {@link MatchRanker#rank} of the whole window — the scoring cost;
 *   <li>{@code diversify}: {@link MatchRanker#diversify} of an already ranked window for a first page
 *       of 20 (MMR over {@code pool × 20} candidates; strength 0.3 in {@code default} and the others);
 *   <li>{@code rankAndDiversify}: both, what the endpoint does before slicing the page;
 *   <li>{@code explainPage}: {@code explain=true} on top of that: {@link Ranked#explanation()} with
 *       {@code byFeature()} and the reasons for the 20 members of the page — the text the plain
 *       request never builds.
 * </ul>
 *
 * <p>Run: {@code bin/expat-search bench jmh MatchRankingBenchmark -f 1 -wi 2 -w 1s -i 3 -r 1s}
 * (each fork generates the world first, ~10 s; 4 benchmarks × 2 windows × 3 profiles). Compare
 * {@code rank} across windows (linear?), {@code diversify} with {@code rank} (MMR should not
 * depend on the window), and {@code explainPage} with {@code rankAndDiversify} (what explain adds).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class MatchRankingBenchmark {
  static final int PAGE = 20;

  @Param({"300", "1000"})
  public int window;

  @Param({"default", "local-first", "interests-first"})
  public String profile;

  private final MatchRanker ranker = Rankers.matches();
  private RankingProfile rankingProfile;
  private Corpus corpus;
  private Instant now;
  private List<RankingWindows.Window<MemberSignals>> windows;
  private List<List<Ranked<MemberSignals>>> ranked;
  private int next;

  @Setup
  public void setUp() {
    RankingWindows world = RankingWindows.of(RankingWindows.DEMO);
    rankingProfile = RankingProfiles.load().profile(profile);
    corpus = world.corpus;
    now = world.now;
    windows = world.matchWindows(window, 100, rankingProfile);
    ranked = windows.stream()
        .map(w -> List.copyOf(ranker.rank(w.viewer(), w.candidates(), rankingProfile, corpus, now)))
        .toList();
  }

  @Benchmark
  public List<Ranked<MemberSignals>> rank() {
    RankingWindows.Window<MemberSignals> w = windows.get(next++ % windows.size());
    return ranker.rank(w.viewer(), w.candidates(), rankingProfile, corpus, now);
  }

  @Benchmark
  public List<Ranked<MemberSignals>> diversify() {
    return ranker.diversify(ranked.get(next++ % ranked.size()), PAGE, rankingProfile);
  }

  @Benchmark
  public List<Ranked<MemberSignals>> rankAndDiversify() {
    RankingWindows.Window<MemberSignals> w = windows.get(next++ % windows.size());
    return ranker.diversify(ranker.rank(w.viewer(), w.candidates(), rankingProfile, corpus, now), PAGE, rankingProfile);
  }

  @Benchmark
  public void explainPage(Blackhole hole) {
    RankingWindows.Window<MemberSignals> w = windows.get(next++ % windows.size());
    List<Ranked<MemberSignals>> page = ranker.diversify(
        ranker.rank(w.viewer(), w.candidates(), rankingProfile, corpus, now), PAGE, rankingProfile);
    for (Ranked<MemberSignals> item : page.subList(0, Math.min(PAGE, page.size()))) {
      Explanation explanation = item.explanation();
      hole.consume(explanation.byFeature());
      hole.consume(explanation.reasons());
    }
  }
}
