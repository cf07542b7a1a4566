package com.expat.search.workbench;

import java.util.Locale;

/** Building the pages: escaping and the frame every page shares. Stateless. */
final class Html {
  private Html() {}

  /** Text or an attribute value made safe for HTML. */
  static String esc(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  static String fmt(double value) {
    return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.3f", value);
  }

  static String signed(double value) {
    return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%+.3f", value);
  }

  /** A whole page: the navigation, {@code body}, and the page's one script. */
  static String page(String title, String active, String body) {
    StringBuilder out = new StringBuilder(body.length() + 1024);
    out.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>").append(esc(title)).append(" · expat-search workbench</title>")
        .append("<link rel=\"stylesheet\" href=\"/assets/workbench.css\"></head><body>")
        .append("<header><a class=\"brand\" href=\"/\">expat-search workbench</a><nav>");
    nav(out, "/", "Side by side", active.equals("side"));
    nav(out, "/sets", "Judged sets", active.equals("sets"));
    nav(out, "/why", "Why not shown", active.equals("why"));
    out.append("</nav><button type=\"button\" class=\"keys-toggle\" aria-controls=\"keys\" aria-expanded=\"false\">Keys (?)</button></header>")
        .append("<aside id=\"keys\" hidden><h2>Keyboard</h2><dl>")
        .append("<dt>j / k</dt><dd>next / previous result or row</dd>")
        .append("<dt>h / l</dt><dd>left (A) / right (B) column</dd>")
        .append("<dt>0 1 2 3</dt><dd>grade the focused result</dd>")
        .append("<dt>Enter</dt><dd>open the focused row</dd>")
        .append("<dt>/</dt><dd>to the first field of the form</dd>")
        .append("<dt>?</dt><dd>this help</dd></dl></aside>")
        .append("<main>").append(body).append("</main>")
        .append("<script src=\"/assets/workbench.js\"></script></body></html>");
    return out.toString();
  }

  private static void nav(StringBuilder out, String href, String label, boolean current) {
    out.append("<a href=\"").append(href).append('"').append(current ? " aria-current=\"page\"" : "").append('>')
        .append(esc(label)).append("</a>");
  }

  static String error(String message) {
    return "<p class=\"error\" role=\"alert\">" + esc(message) + "</p>";
  }
}
