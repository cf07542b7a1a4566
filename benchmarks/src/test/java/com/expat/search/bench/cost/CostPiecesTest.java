package com.expat.search.bench.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.expat.search.bench.load.CacheBuster;
import com.expat.search.bench.load.LoadRequest;
import com.expat.search.bench.load.Reply;
import com.expat.search.bench.solr.SolrCall;
import com.expat.search.query.members.GeoPoint;
import com.expat.search.query.members.KnownMember;
import com.expat.search.query.members.Visibility;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.junit.jupiter.api.Test;

class CostPiecesTest {
  private static final KnownMember BERLINER = new KnownMember(812, OptionalLong.of(2950159),
      Optional.of(new GeoPoint(52.52, 13.405)), Set.of("en", "de"), List.of("hiking", "o'neill-fans"),
      List.of(5L, 6L), List.of(77L), null);

  @Test
  void matchesViewersAreTheMixsDistinctMembersInOrder() {
    List<LoadRequest> mix = List.of(
        new LoadRequest("matches", "/v1/members/12/matches"),
        new LoadRequest("member_search", "/v1/members/search?q=chef&viewer=99"),
        new LoadRequest("matches", "/v1/members/7/matches?page=2"),
        new LoadRequest("matches", "/v1/members/12/matches?page=3"),
        new LoadRequest("member_events", "/v1/members/8/events"));

    assertThat(CostCases.matchesViewers(mix)).containsExactly(12L, 7L);
  }

  @Test
  void textSearchesKeepTextCityAndViewerOnly_onceEach() {
    List<LoadRequest> mix = List.of(
        new LoadRequest("member_search", "/v1/members/search?q=caf%C3%A9+chef&city=2950159&facets=true&page=3"),
        new LoadRequest("member_search", "/v1/members/search?city=2950159&interest=hiking"),
        new LoadRequest("member_search", "/v1/members/search?q=caf%C3%A9+chef&city=2950159&sort=recent"),
        new LoadRequest("member_search", "/v1/members/search?q=engineer&viewer=12"),
        new LoadRequest("matches", "/v1/members/12/matches?q=nope"));

    List<CostCases.TextSearch> searches = CostCases.textSearches(mix);

    assertThat(searches).containsExactly(
        new CostCases.TextSearch("café chef", OptionalLong.of(2950159), OptionalLong.empty()),
        new CostCases.TextSearch("engineer", OptionalLong.empty(), OptionalLong.of(12)));
    assertThat(searches.get(0).path()).isEqualTo("/v1/members/search?q=caf%C3%A9+chef&city=2950159");
    assertThat(searches.get(1).path()).isEqualTo("/v1/members/search?q=engineer&viewer=12");
  }

  @Test
  void aBustedMatchesRequestCarriesTheRadiusTheReferenceUses() {
    LoadRequest busted = new CacheBuster(new SplittableRandom(3)).bust(new LoadRequest("matches", "/v1/members/12/matches"));

    double radius = CostCases.radiusKm(busted.path()).orElseThrow();

    assertThat(radius).isBetween(99.0, 99.999);
    assertThat(CostCases.radiusKm("/v1/members/12/matches")).isEmpty();
  }

  @Test
  void theMatchesReferenceHasEveryPrivacyFilterAndOnePlainScore() {
    ModifiableSolrParams params = PlainReference.matches(BERLINER, 99.12345);

    ModifiableSolrParams privacy = new ModifiableSolrParams();
    Visibility.onlySearchable(privacy);
    Visibility.hideFrom(privacy, BERLINER);
    assertThat(params.getParams("fq")).contains(privacy.getParams("fq")).contains(
        "{!geofilt d=99.123}",
        "{!cache=false}-{!terms f=id v=$hidden_contacts}",
        "{!cache=false}-contact_ids:812",
        "{!terms f=languages v=$shared_languages}");
    assertThat(params.getParams("fq")).hasSize(privacy.getParams("fq").length + 4);
    assertThat(params.get("hidden_blocked")).isEqualTo("77");
    assertThat(params.get("hidden_contacts")).isEqualTo("5,6");
    assertThat(params.get("shared_languages")).isEqualTo("de,en");
    assertThat(params.get("pt")).isEqualTo("52.520000,13.405000");
    assertThat(params.get("q")).isEqualTo("{!func v=$plain_score}");
    assertThat(params.get("plain_score")).isEqualTo(
        "sum(sum(termfreq(interests,'hiking'),termfreq(interests,'o\\'neill-fans')),"
            + "recip(ms(NOW,last_active_at),3.16e-11,1,1),profile_quality)");
    assertThat(params.get("rows")).isEqualTo("20");
    assertThat(params.get("fl")).startsWith("id,").endsWith(",score");
    assertThat(params.get("sort")).isNull();
  }

  @Test
  void aViewerWithoutCoordinatesIsMatchedInTheirCity_andOneWithoutLanguagesIsNotAsked() {
    KnownMember noPoint = new KnownMember(9, OptionalLong.of(2950159), Optional.empty(), Set.of("en"), List.of(),
        List.of(), List.of(), null);

    ModifiableSolrParams params = PlainReference.matches(noPoint, 100);

    assertThat(params.getParams("fq")).contains("city_id:2950159").noneMatch(fq -> fq.contains("geofilt"));
    assertThat(params.get("plain_score")).startsWith("sum(0,");
    assertThat(params.getParams("fq")).noneMatch(fq -> fq.contains("hidden_"));
    KnownMember mute = new KnownMember(10, OptionalLong.empty(), Optional.empty(), Set.of(), List.of(), List.of(),
        List.of(), null);
    assertThatThrownBy(() -> PlainReference.matches(mute, 100)).hasMessageContaining("no language");
  }

  @Test
  void theSearchReferenceIsAPlainEdismaxWithARecencyBoost() {
    ModifiableSolrParams alone = PlainReference.memberSearch(
        new CostCases.TextSearch("chef (berlin)", OptionalLong.of(2950159), OptionalLong.empty()), Optional.empty());
    ModifiableSolrParams withViewer = PlainReference.memberSearch(
        new CostCases.TextSearch("chef", OptionalLong.empty(), OptionalLong.of(812)), Optional.of(BERLINER));

    assertThat(alone.get("q")).isEqualTo("{!edismax v=$qq}");
    assertThat(alone.get("qq")).isEqualTo("chef \\(berlin\\)");
    assertThat(alone.get("boost")).isEqualTo("recip(ms(NOW,last_active_at),3.16e-11,1,1)");
    assertThat(alone.get("mm")).isEqualTo("100%");
    assertThat(alone.getParams("fq")).containsExactlyInAnyOrder("searchable:true", "city_id:2950159");
    ModifiableSolrParams privacy = new ModifiableSolrParams();
    Visibility.onlySearchable(privacy);
    Visibility.hideFrom(privacy, BERLINER);
    assertThat(withViewer.getParams("fq")).containsExactlyInAnyOrder(privacy.getParams("fq"));
    assertThat(withViewer.get("hidden_blocked")).isEqualTo("77");
    assertThat(withViewer.get("rows")).isEqualTo("20");
  }

  @Test
  void theReferenceGoesToSolrAsTheServicesClientSendsIt() {
    SolrCall call = PlainReference.call("/solr", "members", PlainReference.matches(BERLINER, 50));

    assertThat(call.method()).isEqualTo("POST");
    assertThat(call.path()).isEqualTo("/solr/members/select");
    assertThat(call.contentType()).startsWith("application/x-www-form-urlencoded");
    List<String> form = Arrays.stream(new String(call.body(), StandardCharsets.UTF_8).split("&"))
        .map(pair -> URLDecoder.decode(pair, StandardCharsets.UTF_8)).toList();
    assertThat(form).contains("wt=javabin", "version=2", "rows=20", "fq={!geofilt d=50.000}", "shared_languages=de,en");
  }

  @Test
  void processCpuIsReadFromSolrsAndPrometheusMetrics() {
    assertThat(ProcessCpu.solrNanos("{\"responseHeader\":{\"status\":0},\"metrics\":{\"solr.jvm\":{\"os.processCpuTime\":123456789000}}}"))
        .isEqualTo(123_456_789_000L);
    assertThat(ProcessCpu.prometheus("# HELP x\nprocess_cpu_usage 0.5\nprocess_cpu_seconds_total 12.25\n"))
        .isEqualTo(Duration.ofMillis(12_250));
    assertThat(ProcessCpu.prometheus("process_cpu_time_ns_total{app=\"q\"} 4.5E9\n")).isEqualTo(Duration.ofMillis(4_500));
    assertThat(ProcessCpu.prometheus("process_cpu_time_seconds_total 2.0\n")).isEqualTo(Duration.ofSeconds(2));
    assertThatThrownBy(() -> ProcessCpu.prometheus("process_cpu_usage 0.5\n")).hasMessageContaining("no process CPU time");
    assertThatThrownBy(() -> ProcessCpu.solrNanos("{\"metrics\":{}}")).hasMessageContaining("os.processCpuTime");
    assertThatThrownBy(() -> ProcessCpu.solrNanos("<html>")).hasMessageContaining("not JSON");
  }

  @Test
  void theServicesJitCompilingTimeIsReadFromItsMetrics_andAReadingsDifferenceKeepsIt() {
    String metrics = "# HELP jvm_compilation_time_ms_total The approximate accumulated elapsed time spent in compilation\n"
        + "jvm_compilation_time_ms_total{compiler=\"HotSpot 64-Bit Tiered Compilers\"} 1500.0\n"
        + "process_cpu_time_ns_total 4.5E9\n";
    assertThat(ProcessCpu.compilation(metrics)).contains(Duration.ofMillis(1_500));
    assertThat(ProcessCpu.compilation("process_cpu_time_ns_total 4.5E9\n")).isEmpty();

    ProcessCpu.Reading before = new ProcessCpu.Reading(Duration.ofMillis(4_500), Optional.of(Duration.ofMillis(1_500)));
    ProcessCpu.Reading after = new ProcessCpu.Reading(Duration.ofMillis(6_000), Optional.of(Duration.ofMillis(1_620)));
    assertThat(after.since(before)).isEqualTo(new ProcessCpu.Reading(Duration.ofMillis(1_500), Optional.of(Duration.ofMillis(120))));
    // Solr publishes no compiling time: the difference has none either
    assertThat(new ProcessCpu.Reading(Duration.ofMillis(9), Optional.empty()).since(new ProcessCpu.Reading(Duration.ofMillis(4), Optional.empty())))
        .isEqualTo(new ProcessCpu.Reading(Duration.ofMillis(5), Optional.empty()));
  }

  @Test
  void aServiceStillCompilingIsNamedInAWarning_andOneAtItsSteadyCostIsNot() {
    CostReport.Side plain = new CostReport.Side("plain", 600, Duration.ofMillis(700), Optional.empty(), Duration.ofSeconds(1));
    // 30 of 240 ms compiling: 12.5 %, over the 5 % taken as steady
    CostReport.Side compiling = new CostReport.Side("ours", 600, Duration.ofMillis(600), Optional.of(Duration.ofMillis(240)),
        Duration.ofSeconds(1), Optional.of(Duration.ofMillis(30)));
    CostReport.Side steady = new CostReport.Side("ours", 600, Duration.ofMillis(600), Optional.of(Duration.ofMillis(240)),
        Duration.ofSeconds(1), Optional.of(Duration.ofMillis(6)));

    assertThat(compiling.stillCompiling()).isTrue();
    assertThat(steady.stillCompiling()).isFalse();
    assertThat(compiling.serviceCompilingMs()).contains(0.05);
    assertThat(CostReport.warnings(List.of(new CostReport.Comparison("member_search", compiling, plain))))
        .contains("member_search", "13 % of its CPU", "0.050 of 0.40 ms/req", "--warmup-passes");
    assertThat(CostReport.warnings(List.of(new CostReport.Comparison("member_search", steady, plain)))).isEmpty();
    assertThat(CostReport.table(List.of(new CostReport.Comparison("member_search", steady, plain))))
        .contains("| member_search | ours | 600 | 1.00 | 0.40 (JIT 0.010) | 1.40 |");
    // pooled over rounds: the compiling time adds up as the CPU does
    CostReport.Comparison both = new CostReport.Comparison("member_search",
        List.of(new CostReport.Round(compiling, plain), new CostReport.Round(steady, plain)));
    assertThat(both.ours().serviceCompiling()).contains(Duration.ofMillis(36));
    // 36 of 480 ms: 7.5 %, still over the line, so the pooled figure is warned about too
    assertThat(both.ours().stillCompiling()).isTrue();
  }

  @Test
  void theRatioIsOurSolrAndServiceCpuOverPlainSolrCpu_perAnsweredRequest() {
    CostReport.Side ours = new CostReport.Side("ours", 600, Duration.ofMillis(12_240), Optional.of(Duration.ofMillis(6_300)),
        Duration.ofSeconds(30));
    CostReport.Side plain = new CostReport.Side("plain", 600, Duration.ofMillis(5_880), Optional.empty(), Duration.ofSeconds(10));
    CostReport.Comparison matches = new CostReport.Comparison("matches", ours, plain);

    assertThat(ours.solrMs()).isEqualTo(20.4, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(ours.serviceMs()).isEqualTo(10.5, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(plain.totalMs()).isEqualTo(9.8, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(matches.ratio()).isEqualTo(30.9 / 9.8, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(matches.solrRatio()).isEqualTo(20.4 / 9.8, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(ours.perSecond()).isEqualTo(20.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(CostReport.table(List.of(matches)))
        .contains("| matches | ours | 600 | 20.40 | 10.50 | 30.90 | 20.0 | 3.15x (Solr alone 2.08x) |")
        .contains("| matches | plain | 600 | 9.80 | - | 9.80 | 60.0 | 1.00x |");
    assertThat(CostReport.summary(List.of(matches))).contains("20.40 + 10.50 = 30.90", "9.80", "3.15x");
    assertThatThrownBy(() -> new CostReport.Side("none", 0, Duration.ZERO, Optional.empty(), Duration.ZERO))
        .hasMessageContaining("no request was answered");
  }

  @Test
  void roundsArePooledForTheRatio_andEachRoundKeepsItsOwn() {
    CostReport.Round first = new CostReport.Round(
        new CostReport.Side("ours", 600, Duration.ofMillis(600), Optional.of(Duration.ofMillis(240)), Duration.ofSeconds(1)),
        new CostReport.Side("plain", 600, Duration.ofMillis(700), Optional.empty(), Duration.ofSeconds(1)));
    CostReport.Round second = new CostReport.Round(
        new CostReport.Side("ours", 600, Duration.ofMillis(900), Optional.of(Duration.ofMillis(300)), Duration.ofSeconds(2)),
        new CostReport.Side("plain", 600, Duration.ofMillis(800), Optional.empty(), Duration.ofSeconds(1)));
    CostReport.Round third = new CostReport.Round(
        new CostReport.Side("ours", 600, Duration.ofMillis(660), Optional.of(Duration.ofMillis(240)), Duration.ofSeconds(1)),
        new CostReport.Side("plain", 600, Duration.ofMillis(900), Optional.empty(), Duration.ofSeconds(1)));

    CostReport.Comparison pooled = new CostReport.Comparison("member_search", List.of(first, second, third));

    assertThat(pooled.ours().requests()).isEqualTo(1_800);
    assertThat(pooled.plain().requests()).isEqualTo(1_800);
    // (600 + 240 + 900 + 300 + 660 + 240) / (700 + 800 + 900): every round's CPU over every round's requests
    assertThat(pooled.ratio()).isEqualTo(2_940.0 / 2_400.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(pooled.ours().wall()).isEqualTo(Duration.ofSeconds(4));
    assertThat(pooled.roundRatios().stream().map(ratio -> Math.round(ratio * 1e6) / 1e6).toList()).containsExactly(1.2, 1.5, 1.0);
    assertThat(pooled.medianRatio()).isEqualTo(1.2, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(CostReport.summary(List.of(pooled))).contains("1.23x; 3 rounds: median 1.20x, 1.00-1.50x");
    CostReport.Comparison one = new CostReport.Comparison("matches", first.ours(), first.plain());
    assertThat(one.rounds()).containsExactly(first);
    assertThat(one.ratio()).isEqualTo(one.medianRatio(), org.assertj.core.data.Offset.offset(1e-12));
    assertThat(one.medianRatio()).isEqualTo(1.2, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(CostReport.summary(List.of(one))).doesNotContain("rounds");
    assertThatThrownBy(() -> new CostReport.Comparison("matches", List.of())).hasMessageContaining("no round");
  }

  @Test
  void outcomesOfRoundsAddUp() {
    ClosedLoop.Outcome one = new ClosedLoop.Outcome(3, Map.of("uncached", 2L), Map.of("http_500", 1L), Duration.ofSeconds(1));
    ClosedLoop.Outcome two = new ClosedLoop.Outcome(4, Map.of("uncached", 3L, "l1", 1L), Map.of(), Duration.ofSeconds(2));

    ClosedLoop.Outcome both = one.plus(two);

    assertThat(both.sent()).isEqualTo(7);
    assertThat(both.tiers()).isEqualTo(Map.of("uncached", 5L, "l1", 1L));
    assertThat(both.errors()).isEqualTo(Map.of("http_500", 1L));
    assertThat(both.answered()).isEqualTo(6);
    assertThat(both.wall()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void theClosedLoopAsksEveryRequestOnce_neverMoreThanItsConcurrencyAtATime() throws Exception {
    ExecutorService answers = Executors.newFixedThreadPool(4);
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
    try {
      ClosedLoop loop = new ClosedLoop(request -> {
        most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        seen.add(request.path());
        return CompletableFuture.supplyAsync(() -> {
          sleep(2);
          inFlight.decrementAndGet();
          int n = Integer.parseInt(request.path().substring(3));
          if (n % 10 == 0) {
            throw new IllegalStateException("down");
          }
          return new Reply(n % 10 == 1 ? 500 : 200, n % 10 == 2 ? Reply.L1 : Reply.UNCACHED);
        }, answers);
      }, 2);
      List<LoadRequest> requests = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        requests.add(new LoadRequest("matches", "/r/" + i));
      }

      ClosedLoop.Outcome outcome = loop.run(requests);

      assertThat(seen).hasSize(100).doesNotHaveDuplicates();
      assertThat(most.get()).isEqualTo(2);
      assertThat(outcome.sent()).isEqualTo(100);
      assertThat(outcome.tiers()).isEqualTo(Map.of(Reply.UNCACHED, 70L, Reply.L1, 10L));
      assertThat(outcome.errors()).isEqualTo(Map.of("http_500", 10L, "IllegalStateException", 10L));
      assertThat(outcome.answered() + outcome.failed()).isEqualTo(100);
    } finally {
      answers.shutdownNow();
      answers.awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
