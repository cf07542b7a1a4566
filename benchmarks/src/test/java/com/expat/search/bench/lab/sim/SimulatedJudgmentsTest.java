package com.expat.search.bench.lab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.lab.Evaluation;
import com.expat.search.lab.JudgmentSet;
import com.expat.search.lab.PopularityRanker;
import com.expat.search.lab.QueryType;
import com.expat.search.lab.RandomRanker;
import com.expat.search.indexer.generate.InMemoryWorld;
import com.expat.search.indexer.generate.WorldSpec;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SimulatedJudgmentsTest {
  static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
  static LabWorld world;

  @BeforeAll
  static void generate() {
    world = LabWorld.of(InMemoryWorld.generate(new WorldSpec(3000, 400, 42, NOW)), NOW);
  }

  static JudgmentSet build(long seed) {
    OutcomeSimulator simulator = new OutcomeSimulator(new PreferenceModel(seed, 0.5), seed, 1.0);
    return new SimulatedJudgments(world, simulator, seed).build("sim", 20, 20, 100, 100, 30);
  }

  @Test
  void aSeedFixesTheWholeSet() {
    assertThat(build(5)).isEqualTo(build(5));
  }

  @Test
  void poolsFollowTheContractAndEveryQueryHasSomethingRelevant() {
    JudgmentSet set = build(5);
    assertThat(set.queries()).isNotEmpty();
    assertThat(set.queries()).allSatisfy(query -> {
      assertThat(query.judgments().values()).anyMatch(g -> g > 0);
      assertThat(query.candidates()).containsExactlyInAnyOrderElementsOf(query.judgments().keySet());
      assertThat(query.segments()).containsAnyOf("big_city", "mid_city", "small_town");
      if (query.type() == QueryType.MATCHES) {
        LabMember member = world.member(query.memberId());
        assertThat(query.candidates()).doesNotContain(String.valueOf(member.id()));
        query.candidates().forEach(id -> {
          LabMember candidate = world.member(Long.parseLong(id));
          assertThat(member.contacts()).doesNotContain(candidate.id());
          assertThat(member.sharesLanguage(candidate.languages())).isTrue();
        });
      }
    });
  }

  @Test
  void theBaselinesCanBeScoredOnIt() {
    JudgmentSet set = build(5);
    var random = Evaluation.run(set, new RandomRanker(1), 10, 2);
    var popularity = Evaluation.run(set, new PopularityRanker(world.memberPopularity(), world.eventPopularity()), 10, 2);
    assertThat(random.aggregate().get("all").means()).containsKeys("ndcg", "mrr", "err");
    assertThat(popularity.aggregate().get("all").queries()).isEqualTo(set.queries().size());
  }
}
