package com.expat.search.workbench;

import static com.expat.search.workbench.Html.esc;
import static com.expat.search.workbench.Html.fmt;

import com.expat.search.lab.LabQuery;
import com.expat.search.lab.RunResult;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One judged query of a set comparison: the two rankings that were scored, each document with its
 * grade and how it moved from A to B, the query's metrics, and a link to the live side-by-side
 * view (explanations, grading). Stateless.
 */
final class SetQueryPage {
  private SetQueryPage() {}

  static String render(SetPage.Params params, SetPage.Row row) {
    LabQuery query = row.query();
    StringBuilder out = new StringBuilder(16_384);
    out.append("<p><a href=\"").append(esc(params.self())).append("\">← ").append(esc(params.set())).append("</a></p>")
        .append("<h1>").append(esc(query.id())).append("</h1><p class=\"note\">").append(esc(query.type().wireName()));
    if (query.memberId() != null) {
      out.append(", member ").append(query.memberId());
    }
    if (!query.params().isEmpty()) {
      out.append(", ").append(esc(query.params().toString()));
    }
    if (!query.segments().isEmpty()) {
      out.append(", segments ").append(esc(String.join(" ", query.segments())));
    }
    if (!query.candidates().isEmpty()) {
      out.append(", ranked within its pool of ").append(query.candidates().size()).append(" candidates");
    }
    View live = View.of(query, params.a(), params.b());
    out.append(". <a id=\"open-live\" href=\"").append(esc(live.url())).append("\">Open side by side with explanations</a></p>");
    out.append("<table class=\"means\" id=\"query-metrics\"><thead><tr><th scope=\"col\">metric</th><th scope=\"col\">A</th><th scope=\"col\">B</th><th scope=\"col\">B − A</th></tr></thead><tbody>");
    for (Map.Entry<String, String> metric : SetPage.METRICS.entrySet()) {
      out.append("<tr><th scope=\"row\">").append(esc(metric.getValue())).append("@").append(params.k()).append("</th><td>")
          .append(fmt(row.value(metric.getKey(), "a"))).append("</td><td>").append(fmt(row.value(metric.getKey(), "b")))
          .append("</td><td>").append(Html.signed(row.delta(metric.getKey()))).append("</td></tr>");
    }
    out.append("</tbody></table>");
    List<String> topA = row.a() == null ? List.of() : row.a().top();
    List<String> topB = row.b() == null ? List.of() : row.b().top();
    Map<String, Integer> ranksA = ranks(topA);
    Map<String, Integer> ranksB = ranks(topB);
    out.append("<div class=\"columns\">");
    column(out, "a", params.a().label(), topA, ranksA, ranksB, query);
    column(out, "b", params.b().label(), topB, ranksA, ranksB, query);
    out.append("</div>");
    int unjudged = (int) java.util.stream.Stream.concat(topA.stream(), topB.stream()).distinct()
        .filter(doc -> !query.judgments().containsKey(doc)).count();
    if (unjudged > 0) {
      out.append("<p class=\"note\">").append(unjudged).append(" of these are not judged and count as grade 0; grade them in the ")
          .append("<a href=\"").append(esc(live.url())).append("\">side-by-side view</a>.</p>");
    }
    return Html.page(query.id(), "sets", out.toString());
  }

  private static Map<String, Integer> ranks(List<String> top) {
    Map<String, Integer> ranks = new HashMap<>();
    for (int i = 0; i < top.size(); i++) {
      ranks.putIfAbsent(top.get(i), i + 1);
    }
    return ranks;
  }

  private static void column(StringBuilder out, String which, String label, List<String> top, Map<String, Integer> ranksA,
      Map<String, Integer> ranksB, LabQuery query) {
    String upper = which.toUpperCase(Locale.ROOT);
    out.append("<section class=\"side\" id=\"side-").append(which).append("\"><h2>").append(upper).append(": ").append(esc(label))
        .append("</h2><ol class=\"items compact\">");
    for (int i = 0; i < top.size(); i++) {
      String doc = top.get(i);
      Integer grade = query.judgments().get(doc);
      out.append("<li class=\"item\" tabindex=\"0\" data-side=\"").append(which).append("\" data-id=\"").append(esc(doc))
          .append("\"><span class=\"rank\">").append(i + 1).append("</span>");
      SideBySidePage.marker(out, ranksA.get(doc), ranksB.get(doc));
      out.append("<span class=\"id\">#").append(esc(doc)).append("</span><span class=\"grade g")
          .append(grade == null ? "x" : grade).append("\" title=\"grade\">")
          .append(grade == null ? "unjudged" : "grade " + grade).append("</span></li>");
    }
    if (top.isEmpty()) {
      out.append("<li class=\"empty\">nothing returned</li>");
    }
    out.append("</ol></section>");
  }
}
