package com.expat.search.query.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.expat.search.common.solr.IndexNames;
import com.expat.search.common.solr.SolrSettings;
import com.expat.search.query.QueryServiceConfig;
import com.expat.search.ranking.MemberFeature;
import com.expat.search.ranking.Ranked;
import com.expat.search.ranking.Rankers;
import com.expat.search.ranking.RankingProfile;
import com.expat.search.ranking.RankingProfiles;
import com.expat.search.ranking.signals.Candidate;
import com.expat.search.ranking.signals.Corpus;
import com.expat.search.ranking.signals.LatLon;
import com.expat.search.ranking.signals.MemberSignals;
import com.expat.search.ranking.signals.Viewer;
import com.expat.search.ranking.solr.IndexDocs;
import com.expat.search.testing.solr.SolrCores;
import com.expat.search.testing.solr.SolrExtension;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Members ranked inside Solr ({@code rq={!expat_matches ...}}) checked against the ranking
 * module's Java model run on the same candidates, read back from the index. In relevance order
 * (matches and member search within the largest window) the best {@code RANK_WINDOW} by the
 * pre-rank (the weighted sum of the model's own pre-rank features; ties by last activity, then id)
 * ranked by the whole model, for matches diversified, as the page. Orders the model does not
 * decide ({@code order=...}): member search with {@code sort=recent}, {@code sort=distance}, and
 * pages of member search and matches beyond the largest window (1000): the order is the requested
 * key, ties by the pre-rank, last activity and id (as text, as Solr sorts the string {@code id}).
 * Each member's score and explanation are the model's. With query text (whose scores only Solr
 * knows) the page is in the model's order and each item's parts other than text are the model's.
 */
@ExtendWith(SolrExtension.class)
class MemberOrdersIT {
  private static final int MEMBERS = 1_150;
  private static final int WINDOW = 300;
  private static final List<MemberFeature> PRERANK = List.of(MemberFeature.DISTANCE, MemberFeature.SHARED_INTERESTS,
      MemberFeature.SHARED_LANGUAGES, MemberFeature.RECENT_ACTIVITY, MemberFeature.NEWNESS,
      MemberFeature.PROFILE_QUALITY);
  private static SolrCores solr;
  private static List<MemberSignals> members;
  private static Corpus corpus;

  @BeforeAll
  static void index(SolrCores cores) throws Exception {
    solr = cores;
    solr.client().add(solr.members(), GeneratedMembers.members(new SplittableRandom(23), MEMBERS));
    solr.client().commit(solr.members());
    ModifiableSolrParams params = new ModifiableSolrParams();
    params.set("q", "*:*");
    params.set("fq", "searchable:true");
    params.set("rows", MEMBERS);
    params.set("fl", String.join(",", IndexDocs.MEMBER_FIELDS));
    members = new ArrayList<>();
    Map<String, Long> bySlug = new HashMap<>();
    for (SolrDocument doc : new QueryRequest(params).process(solr.client(), solr.members()).getResults()) {
      MemberSignals member = IndexDocs.member(doc);
      members.add(member);
      member.interests().forEach(slug -> bySlug.merge(slug, 1L, Long::sum));
    }
    corpus = Corpus.of(members.size(), bySlug);
  }

  @Test
  void memberSearchSortedByRecentActivityOrDistanceOrPagedBeyondTheWindowIsTheModelsKeyOrder() {
    RankingProfiles profiles = RankingProfiles.load();
    int compared = 0;
    try (Api api = Api.start(config())) {
      for (String name : profiles.names()) {
        RankingProfile profile = profiles.profile(name);
        for (int[] pageAndSize : new int[][] {{1, 20}, {7, 20}, {21, 50}, {23, 50}}) {
          int page = pageAndSize[0];
          int size = pageAndSize[1];
          // relevance beyond the window: the pre-rank alone (an anonymous viewer, no place)
          compared += compare(api, profile, Viewer.anonymous(null), member -> true, page, size, member -> 0,
              "/v1/members/search", "profile", name);
          // last activity first
          compared += compare(api, profile, viewerOf(2), member -> member.id() != 2, page, size,
              member -> member.lastActiveAt() == null ? Long.MIN_VALUE : member.lastActiveAt().toEpochMilli(),
              "/v1/members/search", "profile", name, "sort", "recent", "viewer", "2");
          // nearest to the viewer first; members without a location last
          LatLon home = viewerOf(3).origin();
          compared += compare(api, profile, viewerOf(3), member -> member.id() != 3, page, size,
              member -> member.location() == null ? Double.NEGATIVE_INFINITY : -home.distanceKm(member.location()),
              "/v1/members/search", "profile", name, "sort", "distance", "viewer", "3");
        }
      }
    }
    assertThat(compared).as("items compared").isGreaterThan(500);
  }

  @Test
  void matchesAreTheModelsRankingOfTheBestPrerankedWindow_diversified() {
    // A window of 300 of ~1,000 candidates: the pre-rank decides who reaches the whole model, as in production.
    RankingProfiles profiles = RankingProfiles.load();
    int compared = 0;
    try (Api api = Api.start(config())) {
      for (String name : profiles.names()) {
        for (long member = 1; member <= 5; member++) {
          long viewer = member;
          for (String[] extra : new String[][] {{"page", "1"}, {"page", "2", "size", "7"},
              {"weights", "distance:9,reciprocal_interests:4"}}) {
            List<String> params = new ArrayList<>(List.of("radius_km", "500", "profile", name));
            params.addAll(List.of(extra));
            RankingProfile profile = RequestParams.weights(params).forMembers(profiles.profile(name));
            compared += compareModel(api, profile, viewerOf(viewer),
                candidate -> candidate.id() != viewer && candidate.location() != null, true,
                "/v1/members/" + member + "/matches", params);
          }
        }
      }
    }
    assertThat(compared).as("items compared").isGreaterThan(500);
  }

  @Test
  void memberSearchInRelevanceOrderIsTheModelsRankingOfTheBestPrerankedWindow() {
    RankingProfiles profiles = RankingProfiles.load();
    int compared = 0;
    try (Api api = Api.start(config())) {
      for (String name : profiles.names()) {
        for (String[] extra : new String[][] {{"page", "1"}, {"page", "2", "size", "7"}, {"viewer", "2"},
            {"weights", "shared_interests:5,distance:2", "viewer", "4"}, {"page", "15", "size", "50", "viewer", "3"}}) {
          List<String> params = new ArrayList<>(List.of("profile", name));
          params.addAll(List.of(extra));
          String viewerId = RequestParams.get(params, "viewer", null);
          Viewer viewer = viewerId == null ? Viewer.anonymous(null) : viewerOf(Long.parseLong(viewerId));
          compared += compareModel(api, RequestParams.weights(params).forMembers(profiles.profile(name)), viewer,
              candidate -> viewerId == null || candidate.id() != Long.parseLong(viewerId), false, "/v1/members/search",
              params);
        }
      }
    }
    assertThat(compared).as("items compared").isGreaterThan(300);
  }

  @Test
  void memberSearchWithTextIsInTheModelsOrderAndScoresAllButTextAsTheModel() {
    RankingProfiles profiles = RankingProfiles.load();
    int textItems = 0;
    try (Api api = Api.start(config())) {
      for (String name : profiles.names()) {
        // "member" matches every member (a window of 300 by text score), the others some
        for (String q : new String[] {"member", "hiking", "jazz pianist"}) {
          for (String[] extra : new String[][] {{"page", "1"}, {"page", "2", "size", "7"}, {"viewer", "2"},
              {"weights", "text:5,distance:2", "viewer", "4"}}) {
            List<String> params = new ArrayList<>(List.of("q", q, "profile", name, "explain", "true"));
            params.addAll(List.of(extra));
            RankingProfile profile = RequestParams.weights(params).forMembers(profiles.profile(name));
            String viewerId = RequestParams.get(params, "viewer", null);
            Viewer viewer = viewerId == null ? Viewer.anonymous(null) : viewerOf(Long.parseLong(viewerId));
            Instant now;
            Api.Response actual;
            do {
              now = minute(Instant.now());
              actual = api.get("/v1/members/search", params.toArray(String[]::new));
            } while (!now.equals(minute(Instant.now())));
            String what = params.toString();
            assertThat(actual.status()).as(what).isEqualTo(200);
            assertThat(actual.ids()).as(what).isNotEmpty();
            Map<Long, Ranked<MemberSignals>> model = new HashMap<>();
            Rankers.matches().rank(viewer, members.stream().map(Candidate::of).toList(), profile, corpus, now)
                .forEach(ranked -> model.put(ranked.item().id(), ranked));
            double previous = Double.POSITIVE_INFINITY;
            for (var item : actual.body().path("items")) {
              Ranked<MemberSignals> want = model.get(item.path("id").asLong());
              double text = item.path("explain").path("text").asDouble();
              textItems += text > 0 ? 1 : 0;
              assertThat(item.path("score").asDouble() - text).as(what).isCloseTo(want.score(), within(1e-5));
              assertThat(item.path("score").asDouble()).as(what).isLessThanOrEqualTo(previous);
              previous = item.path("score").asDouble();
            }
          }
        }
      }
    }
    assertThat(textItems).as("items whose score has a text part").isGreaterThan(200);
  }

  @Test
  void matchesBeyondTheWindowFollowThePrerank() {
    int compared = 0;
    try (Api api = Api.start(config())) {
      for (int[] pageAndSize : new int[][] {{21, 49}, {22, 48}}) {
        int page = pageAndSize[0];
        RankingProfile profile = RankingProfiles.load().defaultProfile();
        // all members speak German and live around Munich: every other findable member with a place is a candidate
        compared += compare(api, profile, viewerOf(1), member -> member.id() != 1 && member.location() != null, page,
            pageAndSize[1], member -> 0,
            "/v1/members/1/matches", "radius_km", "500");
      }
    }
    assertThat(compared).as("items compared").isGreaterThan(30);
  }

  /**
   * The service's page against the model's: candidates are the findable members {@code among}, ordered by {@code primary} (larger first), then the pre-rank, last activity (not for
   * distance) and id.
   *
   * @return the items compared
   */
  private static int compare(Api api, RankingProfile profile, Viewer viewer, Predicate<MemberSignals> among,
      int page, int size, ToDoubleFunction<MemberSignals> primary, String path, String... params) {
    List<String> all = new ArrayList<>(List.of(params));
    all.addAll(List.of("page", Integer.toString(page), "size", Integer.toString(size), "explain", "true"));
    // The service ranks at its request's minute: ask again if the minute turned during the request.
    Api.Response actual;
    Instant now;
    do {
      now = minute(Instant.now());
      actual = api.get(path, all.toArray(String[]::new));
    } while (!now.equals(minute(Instant.now())));
    String what = path + " " + all;
    assertThat(actual.status()).as(what).isEqualTo(200);
    List<Candidate<MemberSignals>> candidates = members.stream().filter(among)
        .map(Candidate::of).toList();
    boolean distance = List.of(params).contains("distance");
    List<Ranked<MemberSignals>> expected = new ArrayList<>(Rankers.matches().rank(viewer, candidates, profile, corpus,
        now));
    expected.sort(Comparator.<Ranked<MemberSignals>>comparingDouble(ranked -> -primary.applyAsDouble(ranked.item()))
        .thenComparingDouble(ranked -> -(double) (float) prerank(ranked, profile))
        .thenComparingLong(ranked -> distance ? 0 : -lastActive(ranked.item()))
        .thenComparing(ranked -> Long.toString(ranked.item().id())));
    int from = Math.min((page - 1) * size, expected.size());
    List<Ranked<MemberSignals>> slice = expected.subList(from, Math.min(from + size, expected.size()));
    assertThat(actual.total()).as(what).isEqualTo(candidates.size());
    assertThat(actual.ids()).as(what).isEqualTo(slice.stream().map(ranked -> ranked.item().id()).toList());
    for (int i = 0; i < slice.size(); i++) {
      var item = actual.body().path("items").get(i);
      assertThat(item.path("score").asDouble()).as(what).isCloseTo(slice.get(i).score(), within(1e-5));
      assertThat(item.path("explain").path("distance").asDouble()).as(what)
          .isCloseTo(slice.get(i).explanation().byFeature().get("distance"), within(1e-5));
    }
    return slice.size();
  }

  /**
   * The service's page in relevance order against the model's: the best {@code RANK_WINDOW} (or
   * as many as the page ends at) of the findable members {@code among} by the pre-rank (ties by
   * last activity, then id), ranked by the whole model, diversified for the page's size when
   * {@code diversify}.
   *
   * @return the items compared
   */
  private static int compareModel(Api api, RankingProfile profile, Viewer viewer, Predicate<MemberSignals> among,
      boolean diversify, String path, List<String> params) {
    int page = Integer.parseInt(RequestParams.get(params, "page", "1"));
    int size = Integer.parseInt(RequestParams.get(params, "size", "20"));
    List<String> all = new ArrayList<>(params);
    all.addAll(List.of("explain", "true"));
    Api.Response actual;
    Instant now;
    do {
      now = minute(Instant.now());
      actual = api.get(path, all.toArray(String[]::new));
    } while (!now.equals(minute(Instant.now())));
    String what = path + " " + all;
    assertThat(actual.status()).as(what).isEqualTo(200);
    List<Candidate<MemberSignals>> candidates = members.stream().filter(among).map(Candidate::of).toList();
    List<Ranked<MemberSignals>> byPrerank = new ArrayList<>(Rankers.matches().rank(viewer, candidates, profile, corpus,
        now));
    byPrerank.sort(Comparator
        .<Ranked<MemberSignals>>comparingDouble(ranked -> -(double) (float) prerank(ranked, profile))
        .thenComparingLong(ranked -> -lastActive(ranked.item()))
        .thenComparingLong(ranked -> ranked.item().id()));
    List<Candidate<MemberSignals>> window = byPrerank.subList(0, Math.min(Math.max(WINDOW, page * size),
        byPrerank.size())).stream().map(ranked -> Candidate.of(ranked.item())).toList();
    List<Ranked<MemberSignals>> expected = Rankers.matches().rank(viewer, window, profile, corpus, now);
    if (diversify) {
      expected = Rankers.matches().diversify(expected, size, profile);
    }
    int from = Math.min((page - 1) * size, expected.size());
    List<Ranked<MemberSignals>> slice = expected.subList(from, Math.min(from + size, expected.size()));
    assertThat(actual.total()).as(what).isEqualTo(candidates.size());
    assertThat(actual.ids()).as(what).isEqualTo(slice.stream().map(ranked -> ranked.item().id()).toList());
    for (int i = 0; i < slice.size(); i++) {
      var item = actual.body().path("items").get(i);
      Ranked<MemberSignals> want = slice.get(i);
      assertThat(item.path("score").asDouble()).as(what).isCloseTo(want.score(), within(1e-5));
      want.explanation().byFeature().forEach((feature, value) -> assertThat(
          item.path("explain").path(feature).asDouble()).as(what + " " + feature).isCloseTo(value, within(1e-5)));
      assertThat(item.path("reasons").size()).as(what).isEqualTo(want.explanation().reasons().size());
    }
    return slice.size();
  }


  /** The pre-rank as the model's features weigh it (what Solr's pre-rank computes from its columns). */
  private static double prerank(Ranked<MemberSignals> ranked, RankingProfile profile) {
    double sum = 0;
    for (MemberFeature feature : PRERANK) {
      sum += profile.members().weight(feature) * ranked.value(feature);
    }
    return sum;
  }

  private static Instant minute(Instant instant) {
    return Instant.ofEpochMilli(instant.toEpochMilli() / 60_000 * 60_000);
  }

  private static long lastActive(MemberSignals member) {
    return member.lastActiveAt() == null ? Long.MIN_VALUE : member.lastActiveAt().toEpochMilli();
  }

  private static Viewer viewerOf(long id) {
    MemberSignals member = members.stream().filter(m -> m.id() == id).findFirst().orElseThrow();
    return Viewer.of(member, new HashSet<>(Set.of()));
  }

  private static QueryServiceConfig config() {
    IndexNames cores = new IndexNames(solr.members(), solr.events(), solr.catalog());
    return new QueryServiceConfig(0,
        SolrSettings.at(URI.create(solr.baseUrl())).withRequestTimeout(Duration.ofSeconds(60)), cores, Duration.ZERO,
        Duration.ZERO, 1_000, Duration.ofMinutes(10)).withRankingOverrides(true).withRankWindow(WINDOW);
  }
}
