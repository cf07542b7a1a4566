package com.expat.search.workbench;

import static com.expat.search.workbench.Html.esc;

/** "Why not shown": for a viewer and a member, which rule of the matches query keeps the member out. Stateless. */
final class WhyPage {
  private WhyPage() {}

  static String render(String viewer, String member, String radius, WhyNot answer) {
    StringBuilder out = new StringBuilder(4_096);
    out.append("<h1>Why not shown</h1><form class=\"view\" method=\"get\" action=\"/why\" id=\"view-form\"><fieldset><legend>Matches of</legend>")
        .append("<label>Viewer <input name=\"viewer\" id=\"why-viewer\" inputmode=\"numeric\" size=\"8\" value=\"").append(esc(viewer))
        .append("\"></label><label>Member <input name=\"member\" id=\"why-member\" inputmode=\"numeric\" size=\"8\" value=\"")
        .append(esc(member)).append("\"></label><label>Radius km <input name=\"radius_km\" size=\"5\" placeholder=\"100\" value=\"")
        .append(esc(radius)).append("\"></label></fieldset><button type=\"submit\" id=\"why-submit\">Explain</button></form>")
        .append("<p class=\"hint\">Asks the query service's <code>GET /debug/members/{viewer}/matches/why-not/{member}</code>, ")
        .append("which exists only when it runs with <code>DEBUG_ENDPOINTS=on</code>. Each rule is the matches query's own filter, ")
        .append("tried on the member's document alone.</p>");
    if (answer == null) {
      return Html.page("Why not shown", "why", out.toString());
    }
    if (answer.error() != null) {
      out.append(Html.error(answer.error()));
      return Html.page("Why not shown", "why", out.toString());
    }
    out.append("<p class=\"verdict\" id=\"verdict\">").append(esc(answer.verdict())).append("</p>")
        .append("<table class=\"rules\" id=\"rules\"><thead><tr><th scope=\"col\">rule</th><th scope=\"col\">keeps the member out?</th><th scope=\"col\">detail</th></tr></thead><tbody>");
    for (WhyNot.Rule rule : answer.rules()) {
      out.append("<tr data-rule=\"").append(esc(rule.rule())).append("\" class=\"").append(rule.excludes() ? "excludes" : "passes")
          .append("\"><th scope=\"row\">").append(esc(rule.rule())).append("</th><td>").append(rule.excludes() ? "yes" : "no")
          .append("</td><td>").append(esc(rule.detail())).append("</td></tr>");
    }
    out.append("</tbody></table>");
    return Html.page("Why not shown", "why", out.toString());
  }
}
