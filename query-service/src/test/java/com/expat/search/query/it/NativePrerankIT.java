package com.expat.search.query.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.expat.search.common.solr.IndexNames;
import com.expat.search.common.solr.SolrSettings;
import com.expat.search.query.QueryServiceConfig;
import com.expat.search.query.ranking.PrerankForm;
import com.expat.search.query.ranking.RankInSolr;
import com.expat.search.ranking.MemberFeature;
import com.expat.search.ranking.Ranked;
import com.expat.search.ranking.Rankers;
import com.expat.search.ranking.RankingProfile;
import com.expat.search.ranking.RankingProfiles;
import com.expat.search.ranking.signals.Candidate;
import com.expat.search.ranking.signals.Corpus;
import com.expat.search.ranking.signals.LanguageLevel;
import com.expat.search.ranking.signals.LatLon;
import com.expat.search.ranking.signals.MemberSignals;
import com.expat.search.ranking.signals.Viewer;
import com.expat.search.ranking.solr.IndexDocs;
import com.expat.search.ranking.solr.SolrPrerank;
import com.expat.search.ranking.solr.SolrRanking;
import com.expat.search.ranking.solr.SolrTerm;
import com.expat.search.testing.solr.SolrCores;
import com.expat.search.testing.solr.SolrExtension;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.request.CoreAdminRequest;
import org.apache.solr.client.solrj.request.GenericSolrRequest;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In a real Solr, both forms of the members' pre-rank, the configset's native {@code
 * expat_member_prerank} (with {@code expat_language_fit}) and the generic functions of the same
 * {@link SolrPrerank}, score every member as the Java ranker's features do (the native form also
 * the languages, which the generic one leaves to Java), for every profile and for viewers with and
 * without a place, interests or languages, over members with and without each field (Solr's
 * generic functions treat a missing value in their own ways, which is what this catches); and a
 * service whose Solr lacks the native functions (a core created with {@code
 * expat.nativePrerank=false}) answers the same matches. Matches and member search ranked inside
 * Solr answer as the two stages do.
 */
@ExtendWith(SolrExtension.class)
class NativePrerankIT {
  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  private static final List<String> SLUGS = List.of("hiking", "jazz", "chess", "cooking", "running", "yoga");
  private static final Corpus CORPUS = Corpus.of(400, Map.of("hiking", 120L, "jazz", 40L, "chess", 9L,
      "cooking", 200L, "running", 75L, "yoga", 1L));
  private static final int MEMBERS = 400;
  private static final List<LanguageLevel> LEVELS = List.of(LanguageLevel.values());
  /** Solr scores in float: 1e-5 relative, the documented agreement ({@link SolrPrerank}). */
  private static final double TOLERANCE = 1e-5;
  private static SolrCores solr;
  private static String withoutNative;

  @BeforeAll
  static void index(SolrCores cores) throws Exception {
    solr = cores;
    List<SolrInputDocument> docs = members(new SplittableRandom(7));
    solr.client().add(solr.members(), docs);
    solr.client().commit(solr.members());

    withoutNative = solr.members() + "_generic";
    ModifiableSolrParams create = new ModifiableSolrParams();
    create.set("action", "CREATE");
    create.set("name", withoutNative);
    create.set("configSet", "expat");
    create.set("property.expat.nativePrerank", "false");
    new GenericSolrRequest(SolrRequest.METHOD.GET, "/admin/cores", create).process(solr.client());
    solr.client().add(withoutNative, docs);
    solr.client().commit(withoutNative);
  }

  @AfterAll
  static void unload() throws Exception {
    if (withoutNative != null) {
      CoreAdminRequest.Unload unload = new CoreAdminRequest.Unload(true);
      unload.setCoreName(withoutNative);
      unload.setDeleteInstanceDir(true);
      unload.process(solr.client());
    }
  }

  @Test
  void bothFormsScoreEveryMemberAsTheJavaFeaturesDo() throws Exception {
    SplittableRandom random = new SplittableRandom(11);
    RankingProfiles profiles = RankingProfiles.load();
    int compared = 0;
    for (String name : profiles.names()) {
      RankingProfile profile = profiles.profile(name);
      for (int v = 0; v < 8; v++) {
        Viewer viewer = viewer(v, random);
        SolrPrerank prerank = SolrRanking.members(viewer, profile, CORPUS, NOW);
        assertThat(prerank.nativeFunction()).isPresent();
        Map<String, Double> java = javaPrerank(viewer, profile, prerank.terms());
        Map<String, Double> javaNative = javaPrerank(viewer, profile, allTerms(prerank));
        if (!viewer.languages().isEmpty() && profile.members().weight(MemberFeature.SHARED_LANGUAGES) > 0) {
          assertThat(prerank.nativeOnly()).extracting(SolrTerm::feature)
              .containsExactly(MemberFeature.SHARED_LANGUAGES);
        }
        Map<String, Double> generic = scores(prerank, prerank.function());
        Map<String, Double> nativeScores = scores(prerank, prerank.nativeFunction().orElseThrow());
        assertThat(java.keySet()).hasSize(MEMBERS);
        assertThat(generic.keySet()).isEqualTo(java.keySet());
        assertThat(nativeScores.keySet()).isEqualTo(java.keySet());
        for (Map.Entry<String, Double> entry : java.entrySet()) {
          double expected = entry.getValue();
          double expectedNative = javaNative.get(entry.getKey());
          String what = name + " viewer " + v + " member " + entry.getKey();
          assertThat(nativeScores.get(entry.getKey())).as("native, " + what)
              .isCloseTo(expectedNative, within(TOLERANCE * Math.max(1, expectedNative)));
          assertThat(generic.get(entry.getKey())).as("generic, " + what)
              .isCloseTo(expected, within(TOLERANCE * Math.max(1, expected)));
          compared++;
        }
      }
    }
    assertThat(compared).isEqualTo(profiles.names().size() * 8 * MEMBERS);
  }

  @Test
  void aSolrWithoutTheNativeFunctionGetsTheGenericOneAndTheSameMatches() {
    IndexNames nativeCores = new IndexNames(solr.members(), solr.events(), solr.catalog());
    IndexNames genericCores = new IndexNames(withoutNative, solr.events(), solr.catalog());
    // Windows that hold every candidate: the native form also weighs languages, so the two forms'
    // windows of 300 could differ at the edge; ranked whole, the Java model decides alone.
    try (Api nativeApi = Api.start(Api.config(solr.baseUrl(), nativeCores, Duration.ZERO)
            .withPrerank(PrerankForm.Mode.NATIVE).withRankWindow(MEMBERS));
        // Without the plugin members rank only in two stages (RANK_IN_SOLR=off); on RANK_IN_SOLR=auto such a
        // Solr stops the start (SolrWithoutThePluginIT).
        Api autoApi = Api.start(Api.config(solr.baseUrl(), genericCores, Duration.ZERO).withRankWindow(MEMBERS)
            .withRankInSolr(RankInSolr.Mode.OFF));
        Api insisting = Api.start(Api.config(solr.baseUrl(), genericCores, Duration.ZERO)
            .withPrerank(PrerankForm.Mode.NATIVE).withRankInSolr(RankInSolr.Mode.OFF))) {
      for (long member = 1; member <= 5; member++) {
        Api.Response expected = nativeApi.get("/v1/members/" + member + "/matches", "radius_km", "500");
        Api.Response fellBack = autoApi.get("/v1/members/" + member + "/matches", "radius_km", "500");
        assertThat(expected.status()).isEqualTo(200);
        assertThat(expected.ids()).isNotEmpty();
        assertThat(fellBack.status()).isEqualTo(200);
        assertThat(fellBack.ids()).as("member " + member).isEqualTo(expected.ids());
      }
      // NATIVE insists: a Solr without the function is an error, never a silent change of form
      assertThat(insisting.get("/v1/members/1/matches", "radius_km", "500").status()).isGreaterThanOrEqualTo(500);
    }
  }

  @Test
  void rankingInsideSolrAnswersAsTheTwoStagesDo() {
    // A window of 300 of 400 candidates: the pre-rank decides who reaches the whole model, as in production.
    QueryServiceConfig config = comparing();
    try (Api twoStages = Api.start(config.withRankInSolr(RankInSolr.Mode.OFF).withPrerank(PrerankForm.Mode.NATIVE));
        Api inSolr = Api.start(config)) {
      int items = 0;
      for (String profile : RankingProfiles.load().names()) {
        for (long member = 1; member <= 5; member++) {
          for (String[] extra : new String[][] {{"page", "1"}, {"page", "2", "size", "7"},
              {"weights", "distance:9,reciprocal_interests:4"}}) {
            List<String> params = new ArrayList<>(List.of("radius_km", "500", "profile", profile, "explain", "true"));
            params.addAll(List.of(extra));
            String path = "/v1/members/" + member + "/matches";
            Api.Response expected = twoStages.get(path, params.toArray(String[]::new));
            Api.Response actual = inSolr.get(path, params.toArray(String[]::new));
            String what = profile + " member " + member + " " + List.of(extra);
            assertThat(expected.status()).as(what).isEqualTo(200);
            assertThat(actual.status()).as(what).isEqualTo(200);
            assertThat(actual.ids()).as(what).isNotEmpty().isEqualTo(expected.ids());
            assertThat(actual.total()).as(what).isEqualTo(expected.total());
            items += assertSameItems(what, expected, actual);
          }
        }
      }
      assertThat(items).isGreaterThan(100);
    }
  }

  @Test
  void memberSearchInsideSolrAnswersAsTheTwoStagesDo() {
    QueryServiceConfig config = comparing();
    try (Api twoStages = Api.start(config.withRankInSolr(RankInSolr.Mode.OFF).withPrerank(PrerankForm.Mode.NATIVE));
        Api inSolr = Api.start(config)) {
      int items = 0;
      int textItems = 0;
      for (String profile : RankingProfiles.load().names()) {
        // "member" matches all 400 (a window of 300 by text score, ties by activity and id), the others some
        for (String q : new String[] {"", "member", "hiking", "jazz pianist"}) {
          for (String[] extra : new String[][] {{"page", "1"}, {"page", "2", "size", "7"}, {"viewer", "2"},
              {"viewer", "3", "near", "48.2,11.4", "radius_km", "60", "facets", "language,interest"},
              {"weights", "text:5,distance:2", "viewer", "4"}, {"sort", "recent", "viewer", "2"},
              {"sort", "recent", "page", "3", "size", "9"},
              {"sort", "distance", "near", "48.2,11.4", "radius_km", "90", "viewer", "3"},
              {"sort", "distance", "viewer", "5", "page", "2", "size", "11", "facets", "interest"}}) {
            List<String> params = new ArrayList<>(List.of("q", q, "profile", profile, "explain", "true"));
            params.addAll(List.of(extra));
            Api.Response expected = twoStages.get("/v1/members/search", params.toArray(String[]::new));
            Api.Response actual = inSolr.get("/v1/members/search", params.toArray(String[]::new));
            String what = profile + " q '" + q + "' " + List.of(extra);
            assertThat(expected.status()).as(what).isEqualTo(200);
            assertThat(actual.status()).as(what).isEqualTo(200);
            assertThat(actual.ids()).as(what).isNotEmpty().isEqualTo(expected.ids());
            assertThat(actual.total()).as(what).isEqualTo(expected.total());
            assertThat(actual.body().path("facets")).as(what).isEqualTo(expected.body().path("facets"));
            items += assertSameItems(what, expected, actual);
            for (var item : expected.body().path("items")) {
              textItems += item.path("explain").path("text").asDouble() > 0 ? 1 : 0;
            }
          }
        }
      }
      assertThat(items).isGreaterThan(500);
      assertThat(textItems).as("items whose score has a text part").isGreaterThan(100);
    }
  }

  /**
   * A service on the test's cores, uncached, with custom weights allowed; patient with Solr: the
   * tests compare answers, and a shared machine can be slow.
   */
  private static QueryServiceConfig comparing() {
    IndexNames cores = new IndexNames(solr.members(), solr.events(), solr.catalog());
    return new QueryServiceConfig(0,
        SolrSettings.at(URI.create(solr.baseUrl())).withRequestTimeout(Duration.ofSeconds(60)), cores, Duration.ZERO,
        Duration.ZERO, 1_000, Duration.ofMinutes(10)).withRankingOverrides(true);
  }

  /**
   * The two answers' items agree one by one: the same member, score and explanation (to 1e-5),
   * reasons and distance. The two stages read a member's point from its text in the response, the
   * columns from the docValues: distances differ by millimetres, scores by up to ~1e-6.
   *
   * @return how many items were compared
   */
  private static int assertSameItems(String what, Api.Response expected, Api.Response actual) {
    for (int i = 0; i < actual.ids().size(); i++) {
      var want = expected.body().path("items").get(i);
      var got = actual.body().path("items").get(i);
      assertThat(got.path("score").asDouble()).as(what).isCloseTo(want.path("score").asDouble(), within(1e-5));
      assertThat(got.path("reasons")).as(what).isEqualTo(want.path("reasons"));
      assertThat(got.path("distance_km")).as(what).isEqualTo(want.path("distance_km"));
      assertThat(got.path("explain").size()).as(what).isEqualTo(want.path("explain").size());
      want.path("explain").fields().forEachRemaining(feature -> assertThat(
          got.path("explain").path(feature.getKey()).asDouble()).as(what + " " + feature.getKey())
          .isCloseTo(feature.getValue().asDouble(), within(1e-5)));
    }
    return actual.ids().size();
  }

  /**
   * What the Java ranker makes of the pre-rank's terms for each member, read back from the index:
   * the truth both Solr forms must agree with.
   */
  private static Map<String, Double> javaPrerank(Viewer viewer, RankingProfile profile, List<SolrTerm> terms)
      throws Exception {
    ModifiableSolrParams params = new ModifiableSolrParams();
    params.set("q", "*:*");
    params.set("rows", MEMBERS);
    params.set("fl", String.join(",", IndexDocs.MEMBER_FIELDS));
    List<Candidate<MemberSignals>> candidates = new ArrayList<>();
    for (SolrDocument doc : new QueryRequest(params).process(solr.client(), solr.members()).getResults()) {
      candidates.add(Candidate.of(IndexDocs.member(doc)));
    }
    Map<String, Double> sums = new HashMap<>();
    for (Ranked<MemberSignals> ranked : Rankers.matches().rank(viewer, candidates, profile, CORPUS, NOW)) {
      double sum = 0;
      for (SolrTerm term : terms) {
        sum += term.weight() * ranked.value(term.feature());
      }
      sums.put(Long.toString(ranked.item().id()), sum);
    }
    return sums;
  }

  /** The terms the native form computes: the generic form's and those only it can. */
  private static List<SolrTerm> allTerms(SolrPrerank prerank) {
    List<SolrTerm> all = new ArrayList<>(prerank.terms());
    all.addAll(prerank.nativeOnly());
    return all;
  }

  /** Each member's score with {@code function} as the query (as a window ranks), by id. */
  private static Map<String, Double> scores(SolrPrerank prerank, String function) throws Exception {
    ModifiableSolrParams params = new ModifiableSolrParams();
    params.set("q", "{!func v=$rank}");
    params.set("rank", function);
    params.set("rows", MEMBERS);
    params.set("fl", "id,score");
    prerank.params().forEach(params::set);
    Map<String, Double> scores = new HashMap<>();
    for (SolrDocument doc : new QueryRequest(params).process(solr.client(), solr.members()).getResults()) {
      scores.put((String) doc.getFirstValue("id"), ((Number) doc.getFirstValue("score")).doubleValue());
    }
    return scores;
  }

  /** Members around Munich; each field missing on some. Members 1..5 are complete viewers for matches. */
  private static List<SolrInputDocument> members(SplittableRandom random) {
    return members(random, MEMBERS);
  }

  /** {@code count} members around Munich, as {@link #members(SplittableRandom)} makes them. */
  static List<SolrInputDocument> members(SplittableRandom random, int count) {
    List<SolrInputDocument> docs = new ArrayList<>();
    for (int id = 1; id <= count; id++) {
      boolean complete = id <= 5;
      SolrInputDocument doc = new SolrInputDocument();
      doc.setField("id", Integer.toString(id));
      doc.setField("doc_version", 1L);
      doc.setField("searchable", true);
      doc.setField("city_id", 2867714L);
      doc.setField("display_name", "Member " + id);
      // Texts of different lengths and word counts, so that text scores differ and some tie.
      List<String> words = List.of("hiking", "jazz", "pianist", "guide", "engineer", "teacher", "cook");
      StringBuilder headline = new StringBuilder();
      for (int w = random.nextInt(0, 6); w > 0; w--) {
        headline.append(headline.length() == 0 ? "" : " ").append(words.get(random.nextInt(words.size())));
      }
      if (headline.length() > 0) {
        doc.setField("headline", headline.toString());
      }
      List<String> codes = random.nextInt(4) == 0 ? List.of("de") : List.of("de", "en");
      doc.setField("languages", codes);
      if (complete || random.nextInt(10) > 0) {
        List<String> levels = new ArrayList<>();
        for (String code : codes) {
          levels.add(code + ":" + LEVELS.get(random.nextInt(LEVELS.size())).label());
        }
        if (random.nextInt(15) == 0) {
          levels.add(codes.get(0) + ":basic"); // a code twice: the stronger level counts, as in Java
        }
        doc.setField("language_levels", levels);
      }
      if (complete || random.nextInt(10) > 0) {
        doc.setField("location", (48.1 + random.nextDouble(-1, 1)) + "," + (11.5 + random.nextDouble(-1.5, 1.5)));
      }
      if (complete || random.nextInt(10) > 0) {
        Set<String> interests = new HashSet<>();
        for (int i = random.nextInt(complete ? 1 : 0, 5); i > 0; i--) {
          interests.add(SLUGS.get(random.nextInt(SLUGS.size())));
        }
        if (!interests.isEmpty()) {
          doc.setField("interests", new ArrayList<>(interests));
        }
      }
      if (complete || random.nextInt(10) > 0) {
        doc.setField("last_active_at", Date.from(NOW.minus(Duration.ofMinutes(random.nextLong(0, 400L * 24 * 60)))));
      }
      if (random.nextInt(20) == 0) {
        doc.setField("last_active_at", Date.from(NOW.plus(Duration.ofHours(3)))); // a clock ahead of ours
      }
      if (complete || random.nextInt(10) > 0) {
        doc.setField("created_at", Date.from(NOW.minus(Duration.ofDays(random.nextLong(0, 3000)))));
      }
      if (complete || random.nextInt(10) > 0) {
        doc.setField("profile_quality", (float) random.nextDouble());
      }
      docs.add(doc);
    }
    return docs;
  }

  private static Viewer viewer(int v, SplittableRandom random) {
    LatLon origin = v % 4 == 3 ? null : new LatLon(48.1 + random.nextDouble(-2, 2), 11.5 + random.nextDouble(-2, 2));
    Set<String> interests = new HashSet<>();
    if (v % 3 != 2) {
      for (int i = random.nextInt(1, 4); i > 0; i--) {
        interests.add(SLUGS.get(random.nextInt(SLUGS.size())));
      }
      interests.add("no-one-likes-this");
    }
    Map<String, LanguageLevel> languages = new HashMap<>();
    if (v % 4 != 1) {
      languages.put("de", LEVELS.get(random.nextInt(LEVELS.size())));
      if (v % 2 == 0) {
        languages.put("en", LEVELS.get(random.nextInt(LEVELS.size())));
      }
      if (v == 6) {
        languages.put("fr", LanguageLevel.NATIVE); // a language no member speaks
      }
    }
    return new Viewer(1000 + v, origin, null, languages, interests, Set.of());
  }
}
