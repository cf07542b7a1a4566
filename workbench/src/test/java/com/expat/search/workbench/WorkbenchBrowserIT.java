package com.expat.search.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.bench.lab.EvalCommand;
import com.expat.search.common.solr.IndexNames;
import com.expat.search.common.solr.SolrSettings;
import com.expat.search.indexer.demo.DemoWorldLoader;
import com.expat.search.indexer.generate.WorldSpec;
import com.expat.search.indexer.solr.SolrIndexAdmin;
import com.expat.search.indexer.solr.SolrSearchIndex;
import com.expat.search.lab.JudgmentSet;
import com.expat.search.lab.LabJson;
import com.expat.search.lab.LabQuery;
import com.expat.search.lab.QueryType;
import com.expat.search.lab.RunResult;
import com.expat.search.query.QueryService;
import com.expat.search.query.QueryServiceConfig;
import com.expat.search.ranking.RankingProfiles;
import com.expat.search.testing.solr.SolrCores;
import com.expat.search.testing.solr.SolrExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import picocli.CommandLine;

/**
 * The workbench in a real browser (Debian's headless Chromium through Selenium) against a real
 * query service over a real Solr holding a generated world. One world, service, workbench and
 * browser for the whole class, to keep CI short.
 */
@ExtendWith(SolrExtension.class)
class WorkbenchBrowserIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final WorldSpec SPEC = new WorldSpec(1_500, 150, 11, Instant.now().truncatedTo(ChronoUnit.DAYS));

  @TempDir static Path dir;

  private static QueryService service;
  private static Workbench workbench;
  private static ChromeDriver browser;
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static String api;
  private static String page;
  /** Viewers whose matches under {@code default} and {@code local-first} are full pages in different orders. */
  private static List<Long> viewers;

  @BeforeAll
  static void start(SolrCores solr) throws Exception {
    // A minute per write: the shared CI machine may be busy, and a slow commit is no failure here.
    new DemoWorldLoader(new SolrSearchIndex(solr.client(), Duration.ofMinutes(1)), new SolrIndexAdmin(solr.client()),
        solr.members(), solr.events(),
        solr.catalog()).load(SPEC, false, new PrintStream(new ByteArrayOutputStream(), true));
    IndexNames cores = new IndexNames(solr.members(), solr.events(), solr.catalog());
    // Generous Solr time limits: a shared CI machine under load must not turn into 503s here.
    service = QueryService.start(new QueryServiceConfig(0,
        SolrSettings.at(URI.create(solr.baseUrl())).withRequestTimeout(Duration.ofSeconds(30)), cores,
        Duration.ofSeconds(60), Duration.ofSeconds(60), 1_000, Duration.ofMinutes(10))
        .withDebugEndpoints(true).withRankingOverrides(true));
    api = "http://127.0.0.1:" + service.port();
    workbench = Workbench.start(new WorkbenchConfig("127.0.0.1", 0, URI.create(api), dir.resolve("sets"),
        dir.resolve("sets").resolve("graded.json"), RankingProfiles.load()));
    page = "http://127.0.0.1:" + workbench.port();
    viewers = new ArrayList<>();
    for (long id = 1; id <= 300 && viewers.size() < 4; id++) {
      List<String> a = ids(matches(id, "default"));
      List<String> b = ids(matches(id, "local-first"));
      if (a.size() == 10 && b.size() == 10 && !a.equals(b)) {
        viewers.add(id);
      }
    }
    assertThat(viewers).as("viewers with differing full pages in the generated world").hasSize(4);
    browser = Browser.start();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (workbench != null) {
      workbench.close();
    }
    if (service != null) {
      service.close();
    }
  }

  private static JsonNode get(String url) {
    try {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(url).isEqualTo(200);
      return JSON.readTree(response.body());
    } catch (Exception e) {
      throw new AssertionError(url, e);
    }
  }

  private static JsonNode matches(long viewer, String profile) {
    return get(api + "/v1/members/" + viewer + "/matches?size=10&explain=true&profile=" + profile);
  }

  private static List<String> ids(JsonNode answer) {
    List<String> ids = new ArrayList<>();
    answer.path("items").forEach(item -> ids.add(item.path("id").asText()));
    return ids;
  }

  private static List<String> shown(String side) {
    return browser.findElements(By.cssSelector("#side-" + side + " li.item")).stream().map(e -> e.getAttribute("data-id")).toList();
  }

  private static WebDriverWait waiting() {
    return new WebDriverWait(browser, Duration.ofSeconds(90));
  }

  /** Keys typed into whatever has the focus, as a person types them. */
  private static void keys(CharSequence... keys) {
    new Actions(browser).sendKeys(keys).perform();
  }

  @Test
  void sideBySide_showsTheApisTopItemsScoresBarsAndReasons_forBothSides() {
    long viewer = viewers.get(0);
    browser.get(page + "/?endpoint=matches&viewer=" + viewer + "&a=default&b=local-first");

    for (String side : List.of("a", "b")) {
      JsonNode answer = matches(viewer, side.equals("a") ? "default" : "local-first");
      assertThat(shown(side)).isEqualTo(ids(answer));
      JsonNode first = answer.path("items").get(0);
      WebElement item = browser.findElement(By.cssSelector("#side-" + side + " li.item"));
      assertThat(item.findElement(By.cssSelector(".score")).getText())
          .isEqualTo(String.format(Locale.ROOT, "%.3f", first.path("score").asDouble()));
      List<String> reasons = new ArrayList<>();
      first.path("reasons").forEach(r -> reasons.add(r.asText()));
      assertThat(reasons).isNotEmpty();
      assertThat(item.findElements(By.cssSelector("ul.reasons li")).stream().map(WebElement::getText).toList()).isEqualTo(reasons);
      List<String> features = new ArrayList<>();
      first.path("explain").fieldNames().forEachRemaining(features::add);
      assertThat(item.findElements(By.cssSelector("tr.bar")).stream().map(e -> e.getAttribute("data-feature")).toList())
          .isEqualTo(features);
    }
    // The two orders differ, so some item moved or is on one side only, and says so.
    assertThat(browser.findElements(By.cssSelector("#side-b .marker.up, #side-b .marker.down, #side-b .marker.only-b"))).isNotEmpty();
    assertThat(browser.getCurrentUrl()).contains("viewer=" + viewer).contains("a=default").contains("b=local-first");
  }

  @Test
  void aWeightEditedInThePage_reRanksThatSide_asTheServiceRanksWithThoseWeights() {
    long viewer = viewers.get(0);
    browser.get(page + "/?endpoint=matches&viewer=" + viewer + "&a=default&b=default");
    assertThat(shown("b")).isEqualTo(shown("a"));

    browser.findElement(By.cssSelector("#side-fields-b summary")).click();
    WebElement distance = browser.findElement(By.id("wb-distance"));
    distance.clear();
    distance.sendKeys("0");
    WebElement newness = browser.findElement(By.id("wb-newness"));
    newness.clear();
    newness.sendKeys("40");
    newness.sendKeys(org.openqa.selenium.Keys.ENTER);
    waiting().until(d -> d.getCurrentUrl().contains("wb="));

    assertThat(browser.getCurrentUrl()).contains("wb=distance%3A0%2Cnewness%3A40").doesNotContain("wa=");
    List<String> expected = ids(get(api + "/v1/members/" + viewer + "/matches?size=10&explain=true&profile=default"
        + "&weights=distance:0,newness:40"));
    assertThat(shown("b")).isEqualTo(expected).isNotEqualTo(shown("a"));
    assertThat(browser.findElement(By.cssSelector("#side-b h2")).getText()).isEqualTo("B: default+distance:0,newness:40");
  }

  @Test
  void grading_fromTheKeyboard_writesTheJudgedSetFile_thatEvalReadsAndExports() throws Exception {
    long viewer = viewers.get(1);
    browser.get(page + "/?endpoint=matches&viewer=" + viewer + "&a=default&b=local-first");
    String second = shown("a").get(1);
    keys("j");
    keys("j");
    assertThat(browser.switchTo().activeElement().getAttribute("data-id")).isEqualTo(second);
    keys("2");
    waiting().until(d -> d.findElement(By.id("status")).getText().startsWith("graded #" + second + " 2"));

    Path graded = dir.resolve("sets").resolve("graded.json");
    JudgmentSet set = LabJson.readJudgments(graded);
    LabQuery query = set.queries().stream().filter(q -> q.id().equals("matches-" + viewer)).findFirst().orElseThrow();
    assertThat(query.type()).isEqualTo(QueryType.MATCHES);
    assertThat(query.memberId()).isEqualTo(viewer);
    assertThat(query.judgments()).containsEntry(second, 2);

    // The grade is the page's state too: a reload shows it pressed.
    browser.navigate().refresh();
    assertThat(browser.findElement(By.cssSelector("#a-" + second + " form.grade button[value='2']")).getAttribute("aria-pressed"))
        .isEqualTo("true");

    Path run = dir.resolve("graded-run.json");
    assertThat(eval("run", "--judgments", graded.toString(), "--ranker", "profile:default", "--url", api, "--out", run.toString()))
        .isZero();
    assertThat(LabJson.readRun(run).queries()).extracting(RunResult.QueryResult::id).contains("matches-" + viewer);
    Path qrels = dir.resolve("graded.qrels");
    assertThat(eval("export", "--to", "trec", "--judgments", graded.toString(), "--out", qrels.toString())).isZero();
    assertThat(Files.readString(qrels)).contains("matches-" + viewer + " 0 " + second + " 2");
  }

  @Test
  void judgedSetTable_showsTheNumbersEvalCompareGives_andAQueryOpensItsTwoRankings() throws Exception {
    Path judged = dir.resolve("sets").resolve("judged.json");
    List<LabQuery> queries = new ArrayList<>();
    for (long viewer : viewers) {
      Set<String> docs = new LinkedHashSet<>(ids(matches(viewer, "default")));
      docs.addAll(ids(matches(viewer, "local-first")));
      Map<String, Integer> grades = new TreeMap<>();
      int i = 0;
      for (String doc : docs) {
        grades.put(doc, (int) ((viewer * 7 + i++ * 5) % 4));
      }
      queries.add(new LabQuery("matches-" + viewer, QueryType.MATCHES, viewer, Map.of(), List.of(), List.of(), grades));
    }
    LabJson.writeJudgments(judged, new JudgmentSet("judged", "graded by the test", 3, queries));
    Path runA = dir.resolve("a.json");
    Path runB = dir.resolve("b.json");
    Path markdown = dir.resolve("compare.md");
    assertThat(eval("run", "--judgments", judged.toString(), "--ranker", "profile:default", "--url", api, "--out", runA.toString())).isZero();
    assertThat(eval("run", "--judgments", judged.toString(), "--ranker", "profile:local-first", "--url", api, "--out", runB.toString())).isZero();
    assertThat(eval("compare", "--judgments", judged.toString(), runA.toString(), runB.toString(), "--out", markdown.toString())).isZero();
    Map<String, List<String>> expected = allRows(Files.readString(markdown, StandardCharsets.UTF_8));

    browser.get(page + "/sets");
    browser.findElement(By.linkText("judged.json")).click();
    new Select(browser.findElement(By.id("profile-b"))).selectByVisibleText("local-first");
    browser.findElement(By.id("compare")).click();
    waiting().until(d -> d.getCurrentUrl().contains("b=local-first"));

    for (String metric : List.of("ndcg", "mrr", "precision")) {
      List<String> shown = browser.findElements(By.cssSelector("#means tr[data-metric='" + metric + "'] .mean")).stream()
          .map(WebElement::getText).toList();
      assertThat(shown).as(metric).isEqualTo(expected.get(metric));
    }
    RunResult a = LabJson.readRun(runA);
    for (RunResult.QueryResult result : a.queries()) {
      assertThat(browser.findElement(By.cssSelector("tr[data-query='" + result.id() + "'] td[data-col='ndcg_a']")).getText())
          .isEqualTo(String.format(Locale.ROOT, "%.3f", result.metrics().get("ndcg")));
    }

    // Sorted by B's nDCG from the column's heading: best first.
    browser.findElement(By.linkText("nDCG@10 B")).click();
    waiting().until(d -> d.getCurrentUrl().contains("sort=ndcg_b&dir=desc"));
    List<Double> column = browser.findElements(By.cssSelector("td[data-col='ndcg_b']")).stream()
        .map(e -> Double.parseDouble(e.getText())).toList();
    assertThat(column).hasSize(viewers.size()).isSortedAccordingTo(java.util.Comparator.reverseOrder());

    String id = "matches-" + viewers.get(2);
    browser.findElement(By.linkText(id)).click();
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(id);
    List<WebElement> gradesA = browser.findElements(By.cssSelector("#side-a li.item .grade"));
    RunResult.QueryResult scored = a.queries().stream().filter(q -> q.id().equals(id)).findFirst().orElseThrow();
    assertThat(browser.findElements(By.cssSelector("#side-a li.item")).stream().map(e -> e.getAttribute("data-id")).toList())
        .isEqualTo(scored.top());
    LabQuery query = queries.stream().filter(q -> q.id().equals(id)).findFirst().orElseThrow();
    assertThat(gradesA.get(0).getText()).isEqualTo("grade " + query.grade(scored.top().get(0)));
  }

  @Test
  void whyNotShown_namesTheRuleThatKeepsTheMemberOut() {
    long viewer = viewers.get(3);
    browser.get(page + "/why");
    browser.findElement(By.id("why-viewer")).sendKeys(String.valueOf(viewer));
    browser.findElement(By.id("why-member")).sendKeys(String.valueOf(viewer));
    browser.findElement(By.id("why-member")).sendKeys(org.openqa.selenium.Keys.ENTER);
    waiting().until(d -> !d.findElements(By.id("verdict")).isEmpty());
    // The viewer may also be unsearchable ("hidden"); self is always among the rules that apply.
    assertThat(browser.findElement(By.id("verdict")).getText()).startsWith("kept out by").contains("self");
    assertThat(browser.findElement(By.cssSelector("tr[data-rule='self']")).getAttribute("class")).isEqualTo("excludes");
  }

  /** The {@code all} row of each metric in {@code eval compare}'s Markdown: A, B, B − A. */
  private static Map<String, List<String>> allRows(String markdown) {
    Map<String, List<String>> rows = new LinkedHashMap<>();
    String metric = null;
    Pattern all = Pattern.compile("^\\| all \\| \\d+ \\| ([0-9.]+) \\| ([0-9.]+) \\(([+-][0-9.]+)\\) \\|$");
    for (String line : markdown.split("\n")) {
      if (line.startsWith("## ")) {
        metric = line.substring(3).strip();
      }
      Matcher matcher = all.matcher(line);
      if (matcher.matches() && metric != null) {
        rows.put(metric, List.of(matcher.group(1), matcher.group(2), matcher.group(3)));
      }
    }
    return rows;
  }

  private static int eval(String... args) {
    return new CommandLine(new EvalCommand()).execute(args);
  }
}
