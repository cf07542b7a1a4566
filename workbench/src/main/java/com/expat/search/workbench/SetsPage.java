package com.expat.search.workbench;

import static com.expat.search.workbench.Html.esc;

import java.util.List;
import java.util.Map;

/** The judged sets to load, and a form to add one (the lab's JSON, TREC qrels or RRE ratings). Stateless. */
final class SetsPage {
  private SetsPage() {}

  static String render(JudgedSets sets, Grades grades, String message) {
    StringBuilder out = new StringBuilder(4_096);
    out.append("<h1>Judged sets</h1>");
    if (message != null) {
      out.append(message);
    }
    List<String> names = sets.names();
    if (names.isEmpty()) {
      out.append("<p class=\"empty\">No judged sets in <code>").append(esc(sets.dir().toString())).append("</code> yet.</p>");
    } else {
      out.append("<ul class=\"sets\" id=\"sets\">");
      for (String name : names) {
        out.append("<li><a href=\"").append(esc("/sets/compare?" + View.query(Map.of("set", name)))).append("\">")
            .append(esc(name)).append("</a>")
            .append(sets.dir().resolve(name).equals(grades.file()) ? " <span class=\"note\">(your grades)</span>" : "")
            .append("</li>");
      }
      out.append("</ul>");
    }
    out.append("<form method=\"post\" action=\"/sets\" enctype=\"multipart/form-data\" class=\"upload\">")
        .append("<fieldset><legend>Add a set</legend><label>File <input type=\"file\" name=\"file\" id=\"set-file\" required></label>")
        .append("<button type=\"submit\">Load</button></fieldset>")
        .append("<p class=\"hint\">The lab's JSON (<code>eval simulate</code>, <code>eval import</code>), RRE's ")
        .append("<code>ratings.json</code>, or TREC qrels (<code>qid 0 doc grade</code>; read as member searches). It is kept in <code>")
        .append(esc(sets.dir().toString())).append("</code>, where files put there by hand are listed too.</p></form>")
        .append("<p class=\"note\">Grades given in the side-by-side view are written to <code>").append(esc(grades.file().toString()))
        .append("</code>: <code>bin/expat-search eval run --judgments ").append(esc(grades.file().toString()))
        .append(" ...</code> scores with them, <code>eval export</code> turns them into qrels or RRE ratings.</p>");
    return Html.page("Judged sets", "sets", out.toString());
  }
}
