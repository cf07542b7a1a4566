package com.expat.search.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The regression gate: a run fails when a metric's mean, in any group the baseline has (overall,
 * per query type, per segment), is lower than the baseline's by more than {@code margin}
 * (absolute, e.g. 0.02 = two points of nDCG). Groups with fewer than {@code minQueries} queries
 * in the baseline are not gated (their means are too noisy). A group or metric missing from the run
 * fails too, and so does a run on another judgment set (by name) or at another k. Stateless.
 */
public final class Gate {
  private Gate() {}

  /** The violations, one readable line each; empty when the run passes. */
  public static List<String> check(RunResult baseline, RunResult run, double margin, List<String> metrics, int minQueries) {
    if (!(margin >= 0)) {
      throw new IllegalArgumentException("margin = " + margin + ", expected >= 0");
    }
    if (!baseline.set().equals(run.set())) {
      return List.of("judgment sets differ: baseline on " + baseline.set() + ", run on " + run.set() + "; compare like with like");
    }
    if (baseline.k() != run.k()) {
      return List.of("k differs: baseline @" + baseline.k() + ", run @" + run.k() + "; compare like with like");
    }
    List<String> violations = new ArrayList<>();
    for (Map.Entry<String, RunResult.Aggregate> group : baseline.aggregate().entrySet()) {
      if (group.getValue().queries() < minQueries) {
        continue;
      }
      RunResult.Aggregate now = run.aggregate().get(group.getKey());
      for (String metric : metrics) {
        Double before = group.getValue().means().get(metric);
        if (before == null) {
          continue;
        }
        Double after = now == null ? null : now.means().get(metric);
        if (after == null) {
          violations.add(group.getKey() + " " + metric + ": missing from the run (baseline " + fmt(before) + ")");
        } else if (after < before - margin) {
          violations.add(String.format(Locale.ROOT, "%s %s: %.4f -> %.4f (%+.4f, margin %.4f)",
              group.getKey(), metric, before, after, after - before, margin));
        }
      }
    }
    return violations;
  }

  private static String fmt(double value) {
    return String.format(Locale.ROOT, "%.4f", value);
  }
}
