package com.expat.search.lab;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One ranker's run over a judgment set: per-query metrics with the top documents it returned,
 * and means per group ({@code all}, {@code type:<type>}, {@code segment:<tag>}). Stored as JSON
 * ({@link LabJson}); a stored run is a baseline for {@code eval gate}. Metric names:
 * {@code ndcg}, {@code mrr} (per query: the reciprocal rank), {@code precision}, {@code recall},
 * {@code err}; a metric a query cannot have (no relevant document) is absent from its map.
 */
public record RunResult(
    String ranker, String set, int k, int relevantGrade, int maxGrade,
    Map<String, Aggregate> aggregate, List<QueryResult> queries) {

  public static final List<String> METRICS = List.of("ndcg", "mrr", "precision", "recall", "err");

  public RunResult {
    Objects.requireNonNull(ranker, "ranker");
    aggregate = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(aggregate));
    queries = List.copyOf(queries);
  }

  /** A group's means, over the queries that have each metric. */
  public record Aggregate(int queries, Map<String, Double> means) {
    public Aggregate {
      means = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(means));
    }
  }

  /** One query's outcome. */
  public record QueryResult(String id, String type, List<String> segments, Map<String, Double> metrics, List<String> top) {
    public QueryResult {
      segments = List.copyOf(segments);
      metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
      top = List.copyOf(top);
    }
  }
}
