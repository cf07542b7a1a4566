package com.expat.search.lab;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Side by side: two or more runs on the same judgment set. Means per group for each run (with the
 * delta of each against the first), then the queries whose nDCG changed most against the first
 * run, with the top documents of each run annotated by grade ({@code 123·3}). Markdown. Stateless.
 */
public final class Comparison {
  private Comparison() {}

  public static String markdown(JudgmentSet set, List<RunResult> runs, int worst, int shown) {
    if (runs.size() < 2) {
      throw new IllegalArgumentException("compare needs two runs or more, got " + runs.size());
    }
    RunResult base = runs.get(0);
    StringBuilder out = new StringBuilder("# " + set.name() + ": " + String.join(" vs ", runs.stream().map(RunResult::ranker).toList())
        + " @" + base.k() + "\n\n");
    TreeSet<String> groups = new TreeSet<>(base.aggregate().keySet());
    for (String metric : RunResult.METRICS) {
      out.append("## ").append(metric).append("\n\n| group | queries |");
      runs.forEach(run -> out.append(' ').append(run.ranker()).append(" |"));
      out.append("\n|---|---|").append("---|".repeat(runs.size())).append('\n');
      for (String group : groups) {
        RunResult.Aggregate first = base.aggregate().get(group);
        out.append("| ").append(group).append(" | ").append(first.queries()).append(" |");
        Double reference = first.means().get(metric);
        for (int i = 0; i < runs.size(); i++) {
          RunResult.Aggregate aggregate = runs.get(i).aggregate().get(group);
          Double value = aggregate == null ? null : aggregate.means().get(metric);
          out.append(' ').append(value == null ? "–" : fmt(value));
          if (i > 0 && value != null && reference != null) {
            out.append(String.format(Locale.ROOT, " (%+.3f)", value - reference));
          }
          out.append(" |");
        }
        out.append('\n');
      }
      out.append('\n');
    }
    Map<String, LabQuery> queries = new HashMap<>();
    set.queries().forEach(q -> queries.put(q.id(), q));
    List<Map<String, RunResult.QueryResult>> byId = new ArrayList<>();
    for (RunResult run : runs) {
      Map<String, RunResult.QueryResult> map = new HashMap<>();
      run.queries().forEach(q -> map.put(q.id(), q));
      byId.add(map);
    }
    List<String> ids = new ArrayList<>(byId.get(0).keySet());
    ids.sort(Comparator.comparingDouble((String id) -> -maxDelta(id, byId)).thenComparing(Comparator.naturalOrder()));
    out.append("## Largest nDCG changes against ").append(base.ranker()).append("\n\n");
    for (String id : ids.subList(0, Math.min(worst, ids.size()))) {
      LabQuery query = queries.get(id);
      out.append("### ").append(id).append(query == null ? "" : " (" + query.type().wireName()
          + (query.params().isEmpty() ? "" : " " + query.params()) + (query.segments().isEmpty() ? "" : ", " + query.segments()) + ")")
          .append("\n\n| ranker | nDCG | top ").append(shown).append(" (id·grade) |\n|---|---|---|\n");
      for (int i = 0; i < runs.size(); i++) {
        RunResult.QueryResult result = byId.get(i).get(id);
        if (result == null) {
          out.append("| ").append(runs.get(i).ranker()).append(" | – | (not run) |\n");
          continue;
        }
        StringBuilder top = new StringBuilder();
        for (String doc : result.top().subList(0, Math.min(shown, result.top().size()))) {
          top.append(top.length() == 0 ? "" : " ").append(doc).append('·').append(query == null ? 0 : query.grade(doc));
        }
        Double ndcg = result.metrics().get("ndcg");
        out.append("| ").append(runs.get(i).ranker()).append(" | ").append(ndcg == null ? "–" : fmt(ndcg)).append(" | ").append(top).append(" |\n");
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static double maxDelta(String id, List<Map<String, RunResult.QueryResult>> byId) {
    Double first = byId.get(0).get(id).metrics().get("ndcg");
    double max = 0;
    for (int i = 1; i < byId.size(); i++) {
      RunResult.QueryResult other = byId.get(i).get(id);
      Double value = other == null ? null : other.metrics().get("ndcg");
      if (first != null && value != null) {
        max = Math.max(max, Math.abs(value - first));
      }
    }
    return max;
  }

  private static String fmt(double value) {
    return String.format(Locale.ROOT, "%.3f", value);
  }
}
