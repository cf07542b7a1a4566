package com.expat.search.workbench;

import com.expat.search.lab.JudgmentSet;
import com.expat.search.lab.LabQuery;
import com.expat.search.lab.QueryType;
import com.expat.search.lab.RankerException;
import com.expat.search.ranking.RankingProfiles;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relevance workbench: server-rendered pages over the query service, with one small script
 * for the keyboard and for grading without a reload. Every page works without the script.
 *
 * <ul>
 *   <li>{@code GET /}: side by side ({@link View} is its URL);
 *   <li>{@code POST /grades}: a grade for a result of a view;
 *   <li>{@code GET /sets}, {@code POST /sets}: the judged sets, and adding one;
 *   <li>{@code GET /sets/compare}, {@code GET /sets/query}: a set run on both sides, and one query of it;
 *   <li>{@code GET /why}: why a member is not among a viewer's matches.
 * </ul>
 */
public final class Workbench implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Workbench.class);

  private final Javalin app;

  private Workbench(Javalin app) {
    this.app = app;
  }

  /** Starts the workbench on {@code config}'s host and port. */
  public static Workbench start(WorkbenchConfig config) {
    Routes routes = new Routes(config.profiles(), new QueryApi(config.queryUrl()), new JudgedSets(config.setsDir()),
        new Grades(config.gradesFile()), new SetRuns(config.queryUrl()));
    Javalin app = Javalin.create(javalin -> {
      javalin.startup.showJavalinBanner = false;
      javalin.startup.showOldJavalinVersionWarning = false;
      javalin.routes.get("/", routes::sideBySide);
      javalin.routes.post("/grades", routes::grade);
      javalin.routes.get("/sets", routes::sets);
      javalin.routes.post("/sets", routes::addSet);
      javalin.routes.get("/sets/compare", routes::compare);
      javalin.routes.get("/sets/query", routes::query);
      javalin.routes.get("/why", routes::why);
      javalin.routes.get("/assets/workbench.css", ctx -> asset(ctx, "workbench.css", "text/css; charset=utf-8"));
      javalin.routes.get("/assets/workbench.js", ctx -> asset(ctx, "workbench.js", "text/javascript; charset=utf-8"));
      javalin.routes.exception(BadRequest.class, (e, ctx) -> problem(ctx, 400, e.getMessage()));
      javalin.routes.exception(RankerException.class, (e, ctx) -> problem(ctx, 502, e.getMessage()));
      javalin.routes.exception(Exception.class, (e, ctx) -> {
        LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
        problem(ctx, 500, "The workbench failed: " + e);
      });
    });
    app.start(config.host(), config.port());
    LOG.info("relevance workbench on http://{}:{} against the query service at {}", config.host(), app.port(), config.queryUrl());
    return new Workbench(app);
  }

  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }

  private static void problem(Context ctx, int status, String message) {
    ctx.status(status);
    if (wantsJson(ctx)) {
      ctx.contentType("application/json").result("{\"error\":" + jsonString(message) + "}");
    } else {
      ctx.html(Html.page("Error", "", Html.error(message) + "<p><a href=\"javascript:history.back()\">Back</a> · <a href=\"/\">Start again</a></p>"));
    }
  }

  private static boolean wantsJson(Context ctx) {
    String accept = ctx.header("Accept");
    return accept != null && accept.startsWith("application/json");
  }

  static String jsonString(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static void asset(Context ctx, String name, String type) {
    try (InputStream in = Workbench.class.getResourceAsStream("/workbench/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource /workbench/" + name);
      }
      ctx.contentType(type).header("Cache-Control", "no-cache").result(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The handlers, with what they share. */
  private record Routes(RankingProfiles profiles, QueryApi api, JudgedSets sets, Grades grades, SetRuns runs) {

    void sideBySide(Context ctx) {
      Map<String, List<String>> params = ctx.queryParamMap();
      boolean members = Endpoint.parse(first(params, "endpoint", "matches")).members;
      Optional<Map<String, List<String>>> compact = compactWeights(params, profiles, members);
      if (compact.isPresent()) {
        ctx.redirect(View.parse(compact.get(), profiles).url(), HttpStatus.SEE_OTHER);
        return;
      }
      if (params.isEmpty()) {
        ctx.html(SideBySidePage.start(profiles));
        return;
      }
      View view = View.parse(params, profiles);
      Ranked a = api.rank(view, view.a());
      Ranked b = api.rank(view, view.b());
      Map<String, Integer> given = view.endpoint().queryType().map(type -> grades.of(view.asQuery(type).id())).orElse(null);
      String note = given == null ? null : "Grades go to <code>" + Html.esc(grades.file().toString()) + "</code> as query <code>"
          + Html.esc(view.asQuery(view.endpoint().queryType().orElseThrow()).id()) + "</code>.";
      ctx.html(SideBySidePage.render(view, a, b, profiles, given, note));
    }

    void grade(Context ctx) {
      String url = ctx.formParam("view");
      if (url == null || !url.startsWith("/?")) {
        throw new BadRequest("view: the grade names no side-by-side view");
      }
      View view = View.parse(parseQuery(url.substring(2)), profiles);
      QueryType type = view.endpoint().queryType()
          .orElseThrow(() -> new BadRequest(view.endpoint().label + " results cannot be graded: the lab has no such query type"));
      String doc = ctx.formParam("doc");
      int grade;
      try {
        grade = Integer.parseInt(String.valueOf(ctx.formParam("grade")).strip());
      } catch (NumberFormatException e) {
        throw new BadRequest("grade: '" + ctx.formParam("grade") + "' is not 0, 1, 2 or 3");
      }
      LabQuery query = view.asQuery(type);
      grades.grade(query, doc, grade);
      LOG.info("graded {} {} = {} in {}", query.id(), doc, grade, grades.file());
      if (wantsJson(ctx)) {
        ctx.contentType("application/json").result("{\"query\":" + jsonString(query.id()) + ",\"doc\":" + jsonString(doc)
            + ",\"grade\":" + grade + ",\"file\":" + jsonString(grades.file().toString()) + "}");
      } else {
        ctx.redirect(url + "#a-" + doc, HttpStatus.SEE_OTHER);
      }
    }

    void sets(Context ctx) {
      ctx.html(SetsPage.render(sets, grades, null));
    }

    void addSet(Context ctx) {
      UploadedFile file = ctx.uploadedFile("file");
      if (file == null) {
        throw new BadRequest("file: choose a judged-set file to load");
      }
      String text;
      try (InputStream in = file.content()) {
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new BadRequest("file: cannot read the upload: " + e.getMessage());
      }
      String name = java.nio.file.Path.of(file.filename()).getFileName().toString();
      JudgmentSet set = sets.save(name, text);
      LOG.info("judged set {} added: {} queries", name, set.queries().size());
      ctx.redirect("/sets/compare?" + View.query(Map.of("set", name)), HttpStatus.SEE_OTHER);
    }

    void compare(Context ctx) {
      Map<String, List<String>> raw = ctx.queryParamMap();
      String name = first(raw, "set", "");
      JudgmentSet set = sets.load(name);
      boolean members = membersOnly(set);
      Optional<Map<String, List<String>>> compact = compactWeights(raw, profiles, members);
      if (compact.isPresent()) {
        ctx.redirect(params(compact.get(), set, members).self(), HttpStatus.SEE_OTHER);
        return;
      }
      SetPage.Params params = params(raw, set, members);
      SetRuns.Pair pair = runs.run(name, sets.version(name), set, params.a(), params.b(), params.k(), params.relevant());
      ctx.html(SetPage.render(set, params, pair, profiles, members));
    }

    void query(Context ctx) {
      Map<String, List<String>> raw = ctx.queryParamMap();
      String name = first(raw, "set", "");
      JudgmentSet set = sets.load(name);
      SetPage.Params params = params(raw, set, membersOnly(set));
      String id = first(raw, "id", "");
      SetRuns.Pair pair = runs.run(name, sets.version(name), set, params.a(), params.b(), params.k(), params.relevant());
      SetPage.Row row = SetPage.rows(set, pair).stream().filter(r -> r.query().id().equals(id)).findFirst()
          .orElseThrow(() -> new BadRequest("id: " + name + " has no query '" + id + "'"));
      ctx.html(SetQueryPage.render(params, row));
    }

    void why(Context ctx) {
      String viewer = ctx.queryParam("viewer") == null ? "" : ctx.queryParam("viewer").strip();
      String member = ctx.queryParam("member") == null ? "" : ctx.queryParam("member").strip();
      String radius = ctx.queryParam("radius_km") == null ? "" : ctx.queryParam("radius_km").strip();
      WhyNot answer = null;
      if (!viewer.isEmpty() || !member.isEmpty()) {
        long v = id("viewer", viewer);
        long m = id("member", member);
        answer = api.whyNot(v, m, radius);
      }
      ctx.html(WhyPage.render(viewer, member, radius, answer));
    }

    private static long id(String name, String text) {
      try {
        long id = Long.parseLong(text);
        if (id > 0) {
          return id;
        }
      } catch (NumberFormatException e) {
        // named below
      }
      throw new BadRequest(name + ": '" + text + "' is not a member id");
    }

    private SetPage.Params params(Map<String, List<String>> raw, JudgmentSet set, boolean members) {
      int k = number(raw, "k", 10, 1, 100);
      int relevant = number(raw, "relevant", Math.min(2, set.maxGrade()), 1, set.maxGrade());
      Side a = Side.parse("a", first(raw, "a", ""), first(raw, "wa", ""), profiles, members);
      Side b = Side.parse("b", first(raw, "b", ""), first(raw, "wb", ""), profiles, members);
      if (!membersOnly(set) && !eventsOnly(set) && (!a.weights().isEmpty() || !b.weights().isEmpty())) {
        throw new BadRequest("wa/wb: " + set.name() + " mixes member and event queries, whose features differ; custom weights apply to one kind");
      }
      String dir = first(raw, "dir", "asc");
      return new SetPage.Params(first(raw, "set", ""), a, b, k, relevant,
          SetPage.checkSort(first(raw, "sort", "ndcg_d")), dir.equals("desc"));
    }
  }

  static boolean membersOnly(JudgmentSet set) {
    return set.queries().stream().noneMatch(q -> q.type() == QueryType.MEMBER_EVENTS);
  }

  static boolean eventsOnly(JudgmentSet set) {
    return !set.queries().isEmpty() && set.queries().stream().allMatch(q -> q.type() == QueryType.MEMBER_EVENTS);
  }

  /**
   * The form sends every weight as {@code wa.<feature>} (with {@code wa.base}, the profile the
   * inputs were filled from); the URL keeps only those that differ from that profile, as {@code
   * wa=feature:value,...}. Empty when the parameters hold no form weights.
   */
  static Optional<Map<String, List<String>>> compactWeights(Map<String, List<String>> params, RankingProfiles profiles, boolean members) {
    if (params.keySet().stream().noneMatch(name -> name.startsWith("wa.") || name.startsWith("wb."))) {
      return Optional.empty();
    }
    Map<String, List<String>> compact = new LinkedHashMap<>();
    params.forEach((name, values) -> {
      if (!name.startsWith("wa.") && !name.startsWith("wb.") && !name.equals("wa") && !name.equals("wb")) {
        compact.put(name, values);
      }
    });
    for (String which : List.of("a", "b")) {
      String prefix = "w" + which + ".";
      String baseName = first(params, prefix + "base", first(params, which, RankingProfiles.DEFAULT));
      Map<String, Double> base = Side.baseWeights(profiles.find(baseName).orElse(profiles.defaultProfile()), members);
      List<String> custom = new ArrayList<>();
      base.forEach((feature, weight) -> {
        String text = first(params, prefix + feature, "").strip();
        if (!text.isEmpty()) {
          double value = Side.weight("w" + which, feature, text);
          if (Math.abs(value - weight) > 1e-9) {
            custom.add(feature + ":" + Side.number(value));
          }
        }
      });
      if (!custom.isEmpty()) {
        compact.put("w" + which, List.of(String.join(",", custom)));
      }
    }
    return Optional.of(compact);
  }

  static Map<String, List<String>> parseQuery(String query) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      String[] parts = pair.split("=", 2);
      params.computeIfAbsent(java.net.URLDecoder.decode(parts[0], StandardCharsets.UTF_8), n -> new ArrayList<>())
          .add(parts.length == 2 ? java.net.URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
    }
    return params;
  }

  static String first(Map<String, List<String>> params, String name, String fallback) {
    List<String> values = params.get(name);
    return values == null || values.isEmpty() || values.get(0) == null ? fallback : values.get(0);
  }

  private static int number(Map<String, List<String>> params, String name, int fallback, int min, int max) {
    String text = first(params, name, "").strip();
    if (text.isEmpty()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // named below
    }
    throw new BadRequest(name + ": '" + text + "' is not a whole number in " + min + ".." + max);
  }
}
