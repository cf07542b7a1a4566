package com.expat.search.workbench;

import static com.expat.search.workbench.Html.esc;
import static com.expat.search.workbench.Html.fmt;
import static com.expat.search.workbench.Html.signed;

import com.expat.search.lab.Bootstrap;
import com.expat.search.lab.JudgmentSet;
import com.expat.search.lab.LabQuery;
import com.expat.search.lab.RunResult;
import com.expat.search.ranking.RankingProfiles;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A judged set run on both sides: the means of nDCG@k, MRR and P@k with 95 % bootstrap intervals
 * (and of B − A, paired), a chart of each query's nDCG change, and the per-query table, sortable
 * by any column. Stateless.
 */
final class SetPage {
  /** The table's metrics: the run's name, the page's label. */
  static final Map<String, String> METRICS = metrics();

  private SetPage() {}

  private static Map<String, String> metrics() {
    Map<String, String> metrics = new LinkedHashMap<>();
    metrics.put("ndcg", "nDCG");
    metrics.put("mrr", "MRR");
    metrics.put("precision", "P");
    return java.util.Collections.unmodifiableMap(metrics);
  }

  /** One row of the table. */
  record Row(LabQuery query, RunResult.QueryResult a, RunResult.QueryResult b) {
    double value(String metric, String which) {
      RunResult.QueryResult result = which.equals("a") ? a : b;
      Double value = result == null ? null : result.metrics().get(metric);
      return value == null ? Double.NaN : value;
    }

    double delta(String metric) {
      return value(metric, "b") - value(metric, "a");
    }
  }

  /** The comparison's parameters, as the URL carries them. */
  record Params(String set, Side a, Side b, int k, int relevant, String sort, boolean descending) {
    String url(String path, Map<String, String> more) {
      Map<String, String> params = new LinkedHashMap<>();
      params.put("set", set);
      Side.putPair(params, a, b);
      if (k != 10) {
        params.put("k", String.valueOf(k));
      }
      if (relevant != 2) {
        params.put("relevant", String.valueOf(relevant));
      }
      params.putAll(more);
      return path + "?" + View.query(params);
    }

    String sorted(String key, boolean desc) {
      Map<String, String> order = new LinkedHashMap<>();
      order.put("sort", key);
      order.put("dir", desc ? "desc" : "asc");
      return url("/sets/compare", order);
    }

    String self() {
      return sorted(sort, descending);
    }
  }

  static List<Row> rows(JudgmentSet set, SetRuns.Pair pair) {
    Map<String, RunResult.QueryResult> a = new HashMap<>();
    Map<String, RunResult.QueryResult> b = new HashMap<>();
    pair.a().queries().forEach(q -> a.put(q.id(), q));
    pair.b().queries().forEach(q -> b.put(q.id(), q));
    List<Row> rows = new ArrayList<>();
    set.queries().forEach(q -> rows.add(new Row(q, a.get(q.id()), b.get(q.id()))));
    return rows;
  }

  static String render(JudgmentSet set, Params params, SetRuns.Pair pair, RankingProfiles profiles, boolean members) {
    List<Row> rows = rows(set, pair);
    StringBuilder out = new StringBuilder(65_536);
    out.append("<h1>").append(esc(set.name())).append("</h1>");
    if (!set.description().isEmpty()) {
      out.append("<p class=\"note\">").append(esc(set.description())).append("</p>");
    }
    out.append("<form class=\"view\" method=\"get\" action=\"/sets/compare\" id=\"view-form\"><input type=\"hidden\" name=\"set\" value=\"")
        .append(esc(params.set())).append("\"><fieldset><legend>Cut-off</legend><label>k <input name=\"k\" id=\"k\" size=\"3\" value=\"")
        .append(params.k()).append("\"></label><label>relevant from grade <input name=\"relevant\" size=\"2\" value=\"")
        .append(params.relevant()).append("\"></label></fieldset>");
    SideBySidePage.sideFields(out, "a", params.a(), profiles, members);
    SideBySidePage.sideFields(out, "b", params.b(), profiles, members);
    out.append("<button type=\"submit\" id=\"compare\">Run both</button></form>");

    out.append("<p class=\"note\">").append(set.queries().size()).append(" queries, grades 0–").append(set.maxGrade())
        .append("; A = <b>").append(esc(params.a().label())).append("</b>, B = <b>").append(esc(params.b().label()))
        .append("</b>. Means as <code>eval compare</code> prints them (over the queries that have the metric), ")
        .append("with 95 % bootstrap intervals over queries (2,000 resamples; B − A paired).</p>");
    means(out, pair, rows, params);
    out.append("<div class=\"charts\">");
    meansChart(out, pair, rows);
    deltaChart(out, rows, params);
    out.append("</div>");
    table(out, rows, params);
    return Html.page(set.name(), "sets", out.toString());
  }

  private static Bootstrap.Interval interval(List<Row> rows, String metric, String which) {
    double[] values = rows.stream().mapToDouble(r -> which.equals("d") ? r.delta(metric) : r.value(metric, which))
        .filter(v -> !Double.isNaN(v)).toArray();
    return Bootstrap.mean95(values);
  }

  private static void means(StringBuilder out, SetRuns.Pair pair, List<Row> rows, Params params) {
    out.append("<table class=\"means\" id=\"means\"><caption>Means @").append(params.k())
        .append("</caption><thead><tr><th scope=\"col\">metric</th><th scope=\"col\">A</th><th scope=\"col\">B</th><th scope=\"col\">B − A</th></tr></thead><tbody>");
    RunResult.Aggregate allA = pair.a().aggregate().get("all");
    RunResult.Aggregate allB = pair.b().aggregate().get("all");
    for (Map.Entry<String, String> metric : METRICS.entrySet()) {
      String name = metric.getKey();
      Double meanA = allA == null ? null : allA.means().get(name);
      Double meanB = allB == null ? null : allB.means().get(name);
      Bootstrap.Interval a = interval(rows, name, "a");
      Bootstrap.Interval b = interval(rows, name, "b");
      Bootstrap.Interval d = interval(rows, name, "d");
      out.append("<tr data-metric=\"").append(name).append("\"><th scope=\"row\">").append(label(metric.getValue(), params.k()))
          .append("</th><td><span class=\"mean\">").append(meanA == null ? "–" : fmt(meanA)).append("</span> ").append(ci(a))
          .append("</td><td><span class=\"mean\">").append(meanB == null ? "–" : fmt(meanB)).append("</span> ").append(ci(b))
          .append("</td><td class=\"").append(d.excludesZero() ? (d.mean() > 0 ? "better" : "worse") : "")
          .append("\"><span class=\"mean\">").append(meanA == null || meanB == null ? "–" : signed(meanB - meanA)).append("</span> ")
          .append(ci(d)).append(d.excludesZero() ? " <span class=\"sig\" title=\"the interval leaves out 0\">*</span>" : "")
          .append("</td></tr>");
    }
    out.append("</tbody></table>");
  }

  private static String label(String metric, int k) {
    return metric.equals("MRR") ? "MRR@" + k : metric + "@" + k;
  }

  private static String ci(Bootstrap.Interval interval) {
    return interval.n() == 0 ? "" : "<span class=\"ci\">[" + fmt(interval.low()) + ", " + fmt(interval.high()) + "]</span>";
  }

  /** The means of A and B with their intervals as dots and whiskers, one row per metric. */
  private static void meansChart(StringBuilder out, SetRuns.Pair pair, List<Row> rows) {
    int width = 420;
    int rowHeight = 34;
    int left = 60;
    int plot = width - left - 20;
    int height = METRICS.size() * rowHeight + 30;
    out.append("<figure><svg class=\"chart\" id=\"means-chart\" role=\"img\" viewBox=\"0 0 ").append(width).append(' ').append(height)
        .append("\" width=\"").append(width).append("\" height=\"").append(height)
        .append("\"><title>Means of A and B with 95 % intervals</title>");
    for (int tick = 0; tick <= 4; tick++) {
      double x = left + plot * tick / 4.0;
      out.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"4\" y2=\"%d\" class=\"grid\"/>", x, x, height - 20))
          .append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"tick\">%.2f</text>", x, height - 6, tick / 4.0));
    }
    int row = 0;
    for (Map.Entry<String, String> metric : METRICS.entrySet()) {
      double y = 16 + row * rowHeight;
      out.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%.1f\" class=\"label\">%s</text>", y + 9, esc(metric.getValue())));
      int offset = 0;
      for (String which : List.of("a", "b")) {
        Bootstrap.Interval interval = interval(rows, metric.getKey(), which);
        if (interval.n() > 0) {
          double cy = y + offset;
          out.append(String.format(Locale.ROOT,
              "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" class=\"whisker %s\"/><circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" class=\"dot %s\"><title>%s %s %.3f [%.3f, %.3f]</title></circle>",
              left + plot * clamp(interval.low()), left + plot * clamp(interval.high()), cy, cy, which,
              left + plot * clamp(interval.mean()), cy, which, which.toUpperCase(Locale.ROOT), metric.getValue(),
              interval.mean(), interval.low(), interval.high()));
        }
        offset += 12;
      }
      row++;
    }
    out.append("</svg><figcaption><span class=\"key a\">●</span> A <span class=\"key b\">●</span> B, mean and 95 % interval</figcaption></figure>");
  }

  /** Each query's nDCG change, B − A, sorted; a bar opens the query. */
  private static void deltaChart(StringBuilder out, List<Row> rows, Params params) {
    List<Row> scored = new ArrayList<>(rows.stream().filter(r -> !Double.isNaN(r.delta("ndcg"))).toList());
    scored.sort(Comparator.comparingDouble((Row r) -> -r.delta("ndcg")).thenComparing(r -> r.query().id()));
    int width = 420;
    int height = 150;
    double mid = height / 2.0;
    double max = scored.stream().mapToDouble(r -> Math.abs(r.delta("ndcg"))).max().orElse(0);
    double scale = max == 0 ? 0 : (mid - 10) / max;
    double step = scored.isEmpty() ? 0 : (double) (width - 10) / scored.size();
    out.append("<figure><svg class=\"chart\" id=\"delta-chart\" role=\"img\" viewBox=\"0 0 ").append(width).append(' ').append(height)
        .append("\" width=\"").append(width).append("\" height=\"").append(height)
        .append("\"><title>nDCG change per query, B − A, best first</title>")
        .append(String.format(Locale.ROOT, "<line x1=\"0\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" class=\"axis\"/>", width, mid, mid));
    for (int i = 0; i < scored.size(); i++) {
      Row row = scored.get(i);
      double delta = row.delta("ndcg");
      double h = Math.abs(delta) * scale;
      out.append("<a href=\"").append(esc(params.url("/sets/query", Map.of("id", row.query().id())))).append("\">")
          .append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" class=\"%s\">",
              5 + i * step, delta >= 0 ? mid - h : mid, Math.max(1, step - 1), Math.max(h, delta == 0 ? 1 : h),
              delta > 0 ? "up" : delta < 0 ? "down" : "same"))
          .append("<title>").append(esc(row.query().id())).append(": ").append(signed(delta)).append("</title></rect></a>");
    }
    long up = scored.stream().filter(r -> r.delta("ndcg") > 0).count();
    long down = scored.stream().filter(r -> r.delta("ndcg") < 0).count();
    out.append("</svg><figcaption>nDCG@").append(params.k()).append(" per query, B − A: ").append(up).append(" better, ").append(down)
        .append(" worse, ").append(scored.size() - up - down).append(" the same</figcaption></figure>");
  }

  private static double clamp(double value) {
    return Math.max(0, Math.min(1, value));
  }

  private static void table(StringBuilder out, List<Row> rows, Params params) {
    List<Row> sorted = new ArrayList<>(rows);
    sorted.sort(comparator(params.sort(), params.descending()));
    out.append("<table class=\"queries\" id=\"queries\"><caption>Per query (").append(rows.size())
        .append("); a column's heading sorts by it, a query opens its two rankings</caption><thead><tr>");
    header(out, params, "id", "query");
    header(out, params, "type", "type");
    for (Map.Entry<String, String> metric : METRICS.entrySet()) {
      String label = label(metric.getValue(), params.k());
      header(out, params, metric.getKey() + "_a", label + " A");
      header(out, params, metric.getKey() + "_b", label + " B");
      header(out, params, metric.getKey() + "_d", "Δ");
    }
    out.append("</tr></thead><tbody>");
    for (Row row : sorted) {
      out.append("<tr data-query=\"").append(esc(row.query().id())).append("\"><th scope=\"row\"><a href=\"")
          .append(esc(params.url("/sets/query", Map.of("id", row.query().id())))).append("\">").append(esc(row.query().id()))
          .append("</a></th><td>").append(esc(row.query().type().wireName())).append("</td>");
      for (String metric : METRICS.keySet()) {
        double delta = row.delta(metric);
        out.append("<td class=\"num\" data-col=\"").append(metric).append("_a\">").append(fmt(row.value(metric, "a")))
            .append("</td><td class=\"num\" data-col=\"").append(metric).append("_b\">").append(fmt(row.value(metric, "b")))
            .append("</td><td class=\"num delta ").append(delta > 0 ? "better" : delta < 0 ? "worse" : "")
            .append("\" data-col=\"").append(metric).append("_d\">").append(signed(delta)).append("</td>");
      }
      out.append("</tr>");
    }
    out.append("</tbody></table>");
  }

  private static void header(StringBuilder out, Params params, String key, String label) {
    boolean current = key.equals(params.sort());
    boolean nextDescending = current ? !params.descending() : !key.equals("id") && !key.equals("type");
    out.append("<th scope=\"col\"").append(current ? " aria-sort=\"" + (params.descending() ? "descending" : "ascending") + "\"" : "")
        .append("><a href=\"").append(esc(params.sorted(key, nextDescending))).append("\">").append(esc(label))
        .append(current ? (params.descending() ? " ↓" : " ↑") : "").append("</a></th>");
  }

  static Comparator<Row> comparator(String sort, boolean descending) {
    Comparator<Row> comparator;
    if (sort.equals("id")) {
      comparator = Comparator.comparing(r -> r.query().id());
    } else if (sort.equals("type")) {
      comparator = Comparator.comparing(r -> r.query().type().wireName());
    } else {
      String[] parts = sort.split("_", 2);
      String metric = parts[0];
      String which = parts[1];
      // NaN (a query without the metric) sorts last either way.
      comparator = Comparator.comparingDouble((Row r) -> {
        double v = which.equals("d") ? r.delta(metric) : r.value(metric, which);
        return Double.isNaN(v) ? (descending ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY) : v;
      });
    }
    if (descending) {
      comparator = comparator.reversed();
    }
    return comparator.thenComparing(r -> r.query().id());
  }

  /** @throws BadRequest when {@code sort} names no column */
  static String checkSort(String sort) {
    if (sort.equals("id") || sort.equals("type")) {
      return sort;
    }
    String[] parts = sort.split("_", 2);
    if (parts.length == 2 && METRICS.containsKey(parts[0]) && List.of("a", "b", "d").contains(parts[1])) {
      return sort;
    }
    throw new BadRequest("sort: '" + sort + "' is not a column (id, type, ndcg_a, ndcg_b, ndcg_d, mrr_*, precision_*)");
  }
}
