package com.expat.search.bench.lab.hand;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.common.solr.IndexNames;
import com.expat.search.lab.RunResult;
import com.expat.search.ranking.RankingProfiles;
import com.expat.search.testing.solr.SolrCores;
import com.expat.search.testing.solr.SolrExtension;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The hand-written judged set ({@code lab/handwritten/}) on a real Solr: the world indexed through
 * the indexer's mapping, the query service in-process over HTTP, every shipped profile and the
 * random and popularity baselines scored by the lab's metrics at k = 10. The cases are obvious to a
 * person, so every profile must get them right.
 */
@ExtendWith(SolrExtension.class)
class HandWrittenSetIT {
  private static final int K = 10;
  private static Map<String, RunResult> runs;

  @BeforeAll
  static void runEveryRanker(SolrCores solr) {
    runs = new LinkedHashMap<>();
    for (RunResult run : HandWrittenLab.run(solr.client(), solr.baseUrl(),
        new IndexNames(solr.members(), solr.events(), solr.catalog()), K, 2)) {
      runs.put(run.ranker(), run);
    }
    runs.values().forEach(HandWrittenSetIT::print);
  }

  @Test
  void everyProfileAndBothBaselinesRanOnEveryQuery() {
    assertThat(runs.keySet()).contains("random", "popularity");
    for (String profile : RankingProfiles.load().names()) {
      assertThat(runs).containsKey("profile:" + profile);
    }
    runs.values().forEach(run -> assertThat(run.queries()).as(run.ranker()).hasSize(HandWrittenLab.judgments().queries().size()));
  }

  @Test
  void everyProfileRanksEveryObviousQueryPerfectly_butLocalFirstPrefersTheGermanSpeakingNeighbour() {
    for (String profile : RankingProfiles.load().names()) {
      RunResult run = runs.get("profile:" + profile);
      for (RunResult.QueryResult query : run.queries()) {
        if (profile.equals("local-first") && query.id().equals("matches-aylin-berlin-cook")) {
          // local-first puts closeness and a common language first by design (ranking/README.md):
          // Lukas (Berlin, German, football; grade 1) before Sofia (Potsdam, 27 km, English only,
          // both interests; grade 2). The two 3s still come first.
          assertThat(query.top()).as(profile).containsExactlyInAnyOrder("20", "12", "13", "14");
          assertThat(query.top().subList(0, 2)).as(profile).containsExactlyInAnyOrder("20", "12");
          assertThat(query.metrics().get("ndcg")).as(profile + " on " + query.id()).isGreaterThan(0.98);
          continue;
        }
        assertThat(query.metrics().get("ndcg")).as(profile + " on " + query.id() + ": " + query.top()).isEqualTo(1.0);
      }
    }
  }

  @Test
  void everyProfileIsFarAheadOfRandomAndPopularity() {
    double random = mean("random", "ndcg");
    double popularity = mean("popularity", "ndcg");
    for (String profile : RankingProfiles.load().names()) {
      double ndcg = mean("profile:" + profile, "ndcg");
      assertThat(ndcg).as(profile).isGreaterThan(random + 0.3).isGreaterThan(popularity + 0.3);
      assertThat(mean("profile:" + profile, "mrr")).as(profile).isEqualTo(1.0);
    }
  }

  @Test
  void noProfileEverShowsWhatTheFiltersMustHide() {
    // Mia's contact Eva (9), Max whom she blocked (10), Greta who hides (19), Ines and Kenji who share no language.
    for (String profile : RankingProfiles.load().names()) {
      RunResult run = runs.get("profile:" + profile);
      RunResult.QueryResult mia = run.queries().stream().filter(q -> q.id().equals("matches-mia-munich-hiker")).findFirst().orElseThrow();
      assertThat(mia.top()).as(profile).doesNotContain("9", "10", "19", "18", "8");
    }
  }

  private static double mean(String ranker, String metric) {
    return runs.get(ranker).aggregate().get("all").means().get(metric);
  }

  private static void print(RunResult run) {
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-26s", run.ranker()));
    run.aggregate().forEach((group, aggregate) -> {
      if (List.of("all", "type:matches", "type:member_events", "type:member_search").contains(group)) {
        line.append(String.format(Locale.ROOT, " | %s nDCG %.3f MRR %.3f P %.3f", group,
            aggregate.means().getOrDefault("ndcg", Double.NaN), aggregate.means().getOrDefault("mrr", Double.NaN),
            aggregate.means().getOrDefault("precision", Double.NaN)));
      }
    });
    System.out.println(line);
    run.queries().forEach(q -> System.out.printf(Locale.ROOT, "    %-30s nDCG %.3f  top %s%n", q.id(),
        q.metrics().getOrDefault("ndcg", Double.NaN), q.top()));
  }
}
