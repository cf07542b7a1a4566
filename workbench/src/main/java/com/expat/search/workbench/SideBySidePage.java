package com.expat.search.workbench;

import static com.expat.search.workbench.Html.esc;

import com.expat.search.ranking.RankingProfiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The side-by-side page: the form that sets the view, then A and B in two columns. Each item has
 * its score, a bar per feature contribution, its reasons, a marker of how it moved from A to B,
 * and grade buttons. Stateless.
 */
final class SideBySidePage {
  private SideBySidePage() {}

  /**
   * @param grades the grades already given for this view's query, by document; null when this
   *     endpoint cannot be graded
   * @param note a line above the columns (e.g. which judged set the grades come from); may be null
   */
  static String render(View view, Ranked a, Ranked b, RankingProfiles profiles, Map<String, Integer> grades, String note) {
    StringBuilder out = new StringBuilder(32_768);
    out.append("<h1>Side by side</h1>");
    form(out, view, profiles);
    if (note != null) {
      out.append("<p class=\"note\">").append(note).append("</p>");
    }
    if (grades == null) {
      out.append("<p class=\"note\">").append(esc(view.endpoint().label))
          .append(" has no judged-set type in the lab, so its results cannot be graded here.</p>");
    }
    double scale = 0;
    for (Ranked side : List.of(a, b)) {
      for (Ranked.Item item : side.items()) {
        for (double value : item.explain().values()) {
          scale = Math.max(scale, Math.abs(value));
        }
      }
    }
    Map<String, Integer> ranksA = a.ranks();
    Map<String, Integer> ranksB = b.ranks();
    out.append("<div class=\"columns\">");
    column(out, "a", view.a(), a, ranksA, ranksB, scale, grades, view);
    column(out, "b", view.b(), b, ranksA, ranksB, scale, grades, view);
    out.append("</div>");
    return Html.page("Side by side", "side", out.toString());
  }

  /** The page before anything is chosen: the form and a word on what it does. */
  static String start(RankingProfiles profiles) {
    StringBuilder out = new StringBuilder(8_192);
    out.append("<h1>Side by side</h1>");
    form(out, new View(Endpoint.MATCHES, 1L, "", "", View.DEFAULT_SIZE, new Side(RankingProfiles.DEFAULT, Map.of()),
        new Side(RankingProfiles.DEFAULT, Map.of())), profiles);
    out.append("<p class=\"note\">Choose an endpoint, a viewer or a text, and a profile (or custom weights) for each side, then ")
        .append("Compare. Each result shows its score, a bar per feature's contribution and its reasons; ▲ and ▼ mark how B moved it ")
        .append("from A. The URL holds the whole view: share it.</p>");
    return Html.page("Side by side", "side", out.toString());
  }

  static void form(StringBuilder out, View view, RankingProfiles profiles) {
    out.append("<form class=\"view\" method=\"get\" action=\"/\" id=\"view-form\">")
        .append("<fieldset><legend>What</legend><label>Endpoint <select name=\"endpoint\" id=\"endpoint\">");
    for (Endpoint endpoint : Endpoint.values()) {
      out.append("<option value=\"").append(endpoint.wireName).append('"')
          .append(endpoint == view.endpoint() ? " selected" : "").append('>').append(esc(endpoint.label)).append("</option>");
    }
    out.append("</select></label>")
        .append("<label>Viewer (member id) <input name=\"viewer\" id=\"viewer\" inputmode=\"numeric\" size=\"8\" value=\"")
        .append(view.viewer() == null ? "" : view.viewer()).append("\"></label>")
        .append("<label>Text <input name=\"q\" id=\"q\" size=\"18\" value=\"").append(esc(view.q())).append("\"></label>")
        .append("<label>More parameters <input name=\"filters\" id=\"filters\" size=\"22\" placeholder=\"city=2950159&amp;lang=es\" value=\"")
        .append(esc(view.filters())).append("\"></label>")
        .append("<label>Size <input name=\"size\" id=\"size\" inputmode=\"numeric\" size=\"3\" value=\"").append(view.size())
        .append("\"></label></fieldset>");
    sideFields(out, "a", view.a(), profiles, view.endpoint().members);
    sideFields(out, "b", view.b(), profiles, view.endpoint().members);
    out.append("<button type=\"submit\" id=\"compare\">Compare</button></form>");
  }

  /** A side's profile and its weights, each editable; a changed weight becomes part of {@code wa}/{@code wb}. */
  static void sideFields(StringBuilder out, String which, Side side, RankingProfiles profiles, boolean members) {
    String upper = which.toUpperCase(Locale.ROOT);
    out.append("<fieldset class=\"side-fields\" id=\"side-fields-").append(which).append("\"><legend>").append(upper).append("</legend>")
        .append("<label>Profile <select name=\"").append(which).append("\" id=\"profile-").append(which).append("\">");
    for (String name : new java.util.TreeSet<>(profiles.names())) {
      out.append("<option").append(name.equals(side.profile()) ? " selected" : "").append('>').append(esc(name)).append("</option>");
    }
    out.append("</select></label>");
    // The weights below are compared with this profile's when the form comes back, so that
    // choosing another profile without touching them does not turn them into custom weights.
    out.append("<input type=\"hidden\" name=\"w").append(which).append(".base\" value=\"").append(esc(side.profile())).append("\">");
    Map<String, Double> base = Side.baseWeights(profiles.profile(side.profile()), members);
    out.append("<details").append(side.weights().isEmpty() ? "" : " open").append("><summary>Weights")
        .append(side.weights().isEmpty() ? " (the profile's)" : " (custom: " + esc(side.weightsParam()) + ")")
        .append("</summary><div class=\"weights\">");
    base.forEach((feature, weight) -> {
      double value = side.weights().getOrDefault(feature, weight);
      out.append("<label><span>").append(esc(feature)).append("</span><input type=\"number\" min=\"0\" max=\"100\" step=\"any\" name=\"w")
          .append(which).append('.').append(esc(feature)).append("\" id=\"w").append(which).append('-').append(esc(feature))
          .append("\" data-base=\"").append(Side.number(weight)).append("\" value=\"").append(Side.number(value)).append("\"></label>");
    });
    out.append("</div><p class=\"hint\">Weights reach the query service as <code>weights=</code>; it takes them only with RANKING_OVERRIDES=on.</p></details></fieldset>");
  }

  private static void column(StringBuilder out, String which, Side side, Ranked ranked, Map<String, Integer> ranksA,
      Map<String, Integer> ranksB, double scale, Map<String, Integer> grades, View view) {
    out.append("<section class=\"side\" id=\"side-").append(which).append("\" aria-label=\"").append(which.toUpperCase(Locale.ROOT))
        .append(": ").append(esc(side.label())).append("\"><h2>").append(which.toUpperCase(Locale.ROOT)).append(": ")
        .append(esc(side.label())).append("</h2>");
    out.append("<p class=\"request\"><code>").append(esc(ranked.request())).append("</code></p>");
    if (ranked.error() != null) {
      out.append(Html.error(ranked.error())).append("</section>");
      return;
    }
    out.append("<p class=\"total\">").append(ranked.total()).append(" found</p>");
    if (ranked.items().isEmpty()) {
      out.append("<p class=\"empty\">No results.</p></section>");
      return;
    }
    out.append("<ol class=\"items\">");
    for (int i = 0; i < ranked.items().size(); i++) {
      Ranked.Item item = ranked.items().get(i);
      Integer rankA = ranksA.get(item.id());
      Integer rankB = ranksB.get(item.id());
      out.append("<li class=\"item\" tabindex=\"0\" data-side=\"").append(which).append("\" data-id=\"").append(esc(item.id()))
          .append("\" id=\"").append(which).append('-').append(esc(item.id())).append("\">")
          .append("<div class=\"head\"><span class=\"rank\">").append(i + 1).append("</span>");
      marker(out, rankA, rankB);
      out.append("<span class=\"title\">").append(esc(item.title())).append("</span> <span class=\"id\">#").append(esc(item.id()))
          .append("</span><span class=\"score\" title=\"score\">").append(String.format(Locale.ROOT, "%.3f", item.score()))
          .append("</span></div>");
      if (!item.subtitle().isEmpty()) {
        out.append("<div class=\"sub\">").append(esc(item.subtitle())).append("</div>");
      }
      bars(out, item, scale);
      if (!item.reasons().isEmpty()) {
        out.append("<ul class=\"reasons\">");
        item.reasons().forEach(reason -> out.append("<li>").append(esc(reason)).append("</li>"));
        out.append("</ul>");
      }
      if (grades != null) {
        gradeForm(out, view, item.id(), grades.get(item.id()), which);
      }
      out.append("</li>");
    }
    out.append("</ol></section>");
  }

  /** How the item moved from A to B: up, down, the same, or on one side only. */
  static void marker(StringBuilder out, Integer rankA, Integer rankB) {
    if (rankA == null) {
      out.append("<span class=\"marker only-b\" title=\"only in B\">only B</span>");
    } else if (rankB == null) {
      out.append("<span class=\"marker only-a\" title=\"only in A\">only A</span>");
    } else if (rankB < rankA) {
      out.append("<span class=\"marker up\" title=\"B ranks it ").append(rankA - rankB).append(" higher (A #").append(rankA)
          .append(", B #").append(rankB).append(")\">▲").append(rankA - rankB).append("</span>");
    } else if (rankB > rankA) {
      out.append("<span class=\"marker down\" title=\"B ranks it ").append(rankB - rankA).append(" lower (A #").append(rankA)
          .append(", B #").append(rankB).append(")\">▼").append(rankB - rankA).append("</span>");
    } else {
      out.append("<span class=\"marker same\" title=\"same place in A and B\">=</span>");
    }
  }

  private static void bars(StringBuilder out, Ranked.Item item, double scale) {
    if (item.explain().isEmpty()) {
      return;
    }
    out.append("<table class=\"bars\"><caption class=\"visually-hidden\">feature contributions</caption>");
    List<String> features = new ArrayList<>(item.explain().keySet());
    for (int i = 0; i < features.size(); i++) {
      String feature = features.get(i);
      double value = item.explain().get(feature);
      double width = scale <= 0 ? 0 : Math.abs(value) / scale * 100;
      out.append("<tr class=\"bar\" data-feature=\"").append(esc(feature)).append("\"><th scope=\"row\">").append(esc(feature))
          .append("</th><td><span class=\"fill f").append(i % 8).append(value < 0 ? " negative" : "")
          .append("\" style=\"width:").append(String.format(Locale.ROOT, "%.1f", width)).append("%\"></span></td><td class=\"num\">")
          .append(String.format(Locale.ROOT, "%.3f", value)).append("</td></tr>");
    }
    out.append("</table>");
  }

  private static void gradeForm(StringBuilder out, View view, String doc, Integer grade, String which) {
    out.append("<form class=\"grade\" method=\"post\" action=\"/grades\"><input type=\"hidden\" name=\"view\" value=\"")
        .append(esc(view.url())).append("\"><input type=\"hidden\" name=\"doc\" value=\"").append(esc(doc))
        .append("\"><span class=\"grade-label\">Grade</span>");
    for (int g = 0; g <= 3; g++) {
      boolean current = grade != null && grade == g;
      out.append("<button type=\"submit\" name=\"grade\" value=\"").append(g).append("\" aria-pressed=\"")
          .append(current).append("\" title=\"grade ").append(g).append(GRADE_WORDS[g]).append("\">").append(g).append("</button>");
    }
    out.append("</form>");
  }

  static final String[] GRADE_WORDS = {": not relevant", ": somewhat", ": relevant", ": highly relevant"};
}
