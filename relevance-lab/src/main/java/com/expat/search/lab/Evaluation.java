package com.expat.search.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Runs a {@link Ranker} over a {@link JudgmentSet} and scores it with {@link Metrics}. Stateless. */
public final class Evaluation {
  private Evaluation() {}

  /**
   * @param k the cut-off of every metric
   * @param relevant the grade from which a document counts as relevant for MRR, P and R
   */
  public static RunResult run(JudgmentSet set, Ranker ranker, int k, int relevant) {
    if (relevant < 1 || relevant > set.maxGrade()) {
      throw new IllegalArgumentException("relevant grade " + relevant + " must be in 1.." + set.maxGrade());
    }
    List<RunResult.QueryResult> results = new ArrayList<>();
    for (LabQuery query : set.queries()) {
      List<String> ranking = ranker.rank(query, k);
      Map<String, Double> metrics = new LinkedHashMap<>();
      put(metrics, "ndcg", Metrics.ndcg(ranking, query.judgments(), k));
      put(metrics, "mrr", Metrics.reciprocalRank(ranking, query.judgments(), k, relevant));
      put(metrics, "precision", Metrics.precision(ranking, query.judgments(), k, relevant));
      put(metrics, "recall", Metrics.recall(ranking, query.judgments(), k, relevant));
      put(metrics, "err", Metrics.err(ranking, query.judgments(), k, set.maxGrade()));
      results.add(new RunResult.QueryResult(query.id(), query.type().wireName(), query.segments(), metrics,
          ranking.subList(0, Math.min(k, ranking.size()))));
    }
    return new RunResult(ranker.name(), set.name(), k, relevant, set.maxGrade(), aggregate(results), results);
  }

  private static void put(Map<String, Double> metrics, String name, double value) {
    if (!Double.isNaN(value)) {
      metrics.put(name, value);
    }
  }

  /** Means per group: {@code all}, {@code type:<type>}, {@code segment:<tag>}. */
  public static Map<String, RunResult.Aggregate> aggregate(List<RunResult.QueryResult> results) {
    Map<String, List<RunResult.QueryResult>> groups = new TreeMap<>();
    for (RunResult.QueryResult result : results) {
      groups.computeIfAbsent("all", g -> new ArrayList<>()).add(result);
      groups.computeIfAbsent("type:" + result.type(), g -> new ArrayList<>()).add(result);
      for (String segment : result.segments()) {
        groups.computeIfAbsent("segment:" + segment, g -> new ArrayList<>()).add(result);
      }
    }
    Map<String, RunResult.Aggregate> aggregate = new TreeMap<>();
    groups.forEach((group, members) -> {
      Map<String, Double> means = new LinkedHashMap<>();
      for (String metric : RunResult.METRICS) {
        double[] values = members.stream().map(r -> r.metrics().get(metric)).filter(v -> v != null)
            .mapToDouble(Double::doubleValue).toArray();
        if (values.length > 0) {
          means.put(metric, java.util.Arrays.stream(values).average().orElseThrow());
        }
      }
      aggregate.put(group, new RunResult.Aggregate(members.size(), means));
    });
    return aggregate;
  }
}
