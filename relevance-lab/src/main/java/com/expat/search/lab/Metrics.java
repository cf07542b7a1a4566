package com.expat.search.lab;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ranking metrics of one ranked list against graded judgments. Documents not judged count as grade
 * 0; a document repeated in the ranking counts once (at its first position). Stateless.
 *
 * <ul>
 *   <li>nDCG@k: gain {@code 2^g - 1}, discount {@code log2(rank + 1)}; the ideal DCG sorts
 *       <em>all</em> judged documents by grade, not only those retrieved. NaN when no judged
 *       document has a grade above 0 (the query cannot be scored).
 *   <li>RR@k (reciprocal rank; its mean is MRR): {@code 1 / rank} of the first document with
 *       grade >= {@code relevant}, 0 if none in the top k.
 *   <li>P@k: relevant documents in the top k over k (k, not the list's length).
 *   <li>R@k: relevant documents in the top k over all relevant judged documents; NaN without any.
 *   <li>ERR@k (Chapelle et al. 2009): {@code sum_r 1/r * R_r * prod_{i<r} (1 - R_i)} with
 *       {@code R = (2^g - 1) / 2^maxGrade}.
 * </ul>
 */
public final class Metrics {
  private Metrics() {}

  public static double ndcg(List<String> ranking, Map<String, Integer> judgments, int k) {
    requireK(k);
    List<Integer> ideal = new ArrayList<>(judgments.values());
    ideal.sort(Comparator.reverseOrder());
    double idcg = 0;
    for (int i = 0; i < Math.min(k, ideal.size()); i++) {
      idcg += gain(ideal.get(i)) / log2(i + 2);
    }
    if (idcg == 0) {
      return Double.NaN;
    }
    double dcg = 0;
    List<String> top = distinctTop(ranking, k);
    for (int i = 0; i < top.size(); i++) {
      dcg += gain(judgments.getOrDefault(top.get(i), 0)) / log2(i + 2);
    }
    return dcg / idcg;
  }

  public static double reciprocalRank(List<String> ranking, Map<String, Integer> judgments, int k, int relevant) {
    requireK(k);
    List<String> top = distinctTop(ranking, k);
    for (int i = 0; i < top.size(); i++) {
      if (judgments.getOrDefault(top.get(i), 0) >= relevant) {
        return 1.0 / (i + 1);
      }
    }
    return 0;
  }

  public static double precision(List<String> ranking, Map<String, Integer> judgments, int k, int relevant) {
    requireK(k);
    return (double) relevantIn(distinctTop(ranking, k), judgments, relevant) / k;
  }

  public static double recall(List<String> ranking, Map<String, Integer> judgments, int k, int relevant) {
    requireK(k);
    long total = judgments.values().stream().filter(g -> g >= relevant).count();
    if (total == 0) {
      return Double.NaN;
    }
    return (double) relevantIn(distinctTop(ranking, k), judgments, relevant) / total;
  }

  public static double err(List<String> ranking, Map<String, Integer> judgments, int k, int maxGrade) {
    requireK(k);
    double notYetSatisfied = 1;
    double err = 0;
    List<String> top = distinctTop(ranking, k);
    for (int i = 0; i < top.size(); i++) {
      double r = gain(Math.min(maxGrade, judgments.getOrDefault(top.get(i), 0))) / Math.pow(2, maxGrade);
      err += notYetSatisfied * r / (i + 1);
      notYetSatisfied *= 1 - r;
    }
    return err;
  }

  /** {@code 2^grade - 1}. */
  static double gain(int grade) {
    return Math.pow(2, grade) - 1;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  private static long relevantIn(List<String> top, Map<String, Integer> judgments, int relevant) {
    return top.stream().filter(doc -> judgments.getOrDefault(doc, 0) >= relevant).count();
  }

  private static List<String> distinctTop(List<String> ranking, int k) {
    List<String> top = new ArrayList<>(Math.min(k, ranking.size()));
    Set<String> seen = new HashSet<>();
    for (String doc : ranking) {
      if (top.size() == k) {
        break;
      }
      if (seen.add(doc)) {
        top.add(doc);
      }
    }
    return top;
  }

  private static void requireK(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k = " + k + ", expected >= 1");
    }
  }
}
