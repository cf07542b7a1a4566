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
 * Orders the model does not decide, ranked inside Solr ({@code rq={!expat_matches order=...}}):
 * member search with {@code sort=recent}, {@code sort=distance}, and pages of member search and
 * matches beyond the largest window (1000), checked against the ranking module's Java model run on
 * the same candidates, read back from the index: the order is the requested key, ties by the
 * pre-rank (the weighted sum of the model's own pre-rank features), last activity and id (as text,
 * as Solr sorts the string {@code id}); each
 * member's score and explanation are the model's.
 */
@ExtendWith(SolrExtension.class)
class MemberOrdersIT {
  private static final int MEMBERS = 1_150;
  private static final List<MemberFeature> PRERANK = List.of(MemberFeature.DISTANCE, MemberFeature.SHARED_INTERESTS,
      MemberFeature.SHARED_LANGUAGES, MemberFeature.RECENT_ACTIVITY, MemberFeature.NEWNESS,
      MemberFeature.PROFILE_QUALITY);
  private static SolrCores solr;
  private static List<MemberSignals> members;
  private static Corpus corpus;

  @BeforeAll
  static void index(SolrCores cores) throws Exception {
    solr = cores;
    solr.client().add(solr.members(), NativePrerankIT.members(new SplittableRandom(23), MEMBERS));
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
        Duration.ZERO, 1_000, Duration.ofMinutes(10));
  }
}
