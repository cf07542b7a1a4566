package com.expat.search.query.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.expat.search.common.solr.IndexNames;
import com.expat.search.common.solr.SolrSettings;
import com.expat.search.query.QueryServiceConfig;
import com.expat.search.ranking.EventFeature;
import com.expat.search.ranking.Ranked;
import com.expat.search.ranking.Rankers;
import com.expat.search.ranking.RankingProfile;
import com.expat.search.ranking.RankingProfiles;
import com.expat.search.ranking.signals.Candidate;
import com.expat.search.ranking.signals.Corpus;
import com.expat.search.ranking.signals.EventSignals;
import com.expat.search.ranking.signals.LatLon;
import com.expat.search.ranking.signals.MemberSignals;
import com.expat.search.ranking.signals.Viewer;
import com.expat.search.ranking.solr.IndexDocs;
import com.expat.search.testing.solr.SolrCores;
import com.expat.search.testing.solr.SolrExtension;
import com.expat.search.vocabulary.EventFields;
import com.expat.search.vocabulary.MemberFields;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A member's events and event search ranked inside Solr ({@code rq={!expat_events}}, or Solr's
 * date sort scored by {@code [expat_events]}) against the ranking module's Java model run on the
 * same events, read back from the index: in relevance order the best {@code RANK_WINDOW} by the
 * pre-rank (the weighted sum of the model's own pre-rank features; ties by start, then id as
 * text) ranked by the whole model, beyond the largest window (1000) the pre-rank's order itself,
 * in date order the soonest first (ties by id); each event with the model's score, explanation and
 * reasons. A generated world of {@value #EVENTS} events around Berlin (with {@link World}'s
 * members as viewers, Çağlar's contact Dan going to some): more than a window of 300 for most
 * requests, so the pre-rank decides which events reach the whole model, as in production; every
 * profile, custom weights, pages 1 and 2 and beyond the window, viewer and place. With query text
 * (whose scores only Solr knows) the page is in the model's order and each item's parts other
 * than text are the model's.
 */
@ExtendWith(SolrExtension.class)
class EventsInSolrIT {
  private static final int EVENTS = 1_150;
  private static final int WINDOW = 300;
  private static SolrCores solr;
  private static Corpus corpus;

  /** A request and the filters ({@code fq}) the service sets for it, the test's own copy. */
  private record Asked(String path, List<String> params, List<String> filters, Viewer viewer, RankingProfile profile,
      boolean byDate) {}

  @BeforeAll
  static void index(SolrCores cores) throws Exception {
    solr = cores;
    World.index(solr);
    solr.client().add(solr.events(), GeneratedEvents.documents(EVENTS, new SplittableRandom(13)));
    solr.client().commit(solr.events());
    corpus = corpus();
  }

  @Test
  void aMembersEventsAreTheModelsRankingOfTheBestPrerankedWindow() {
    try (Api api = Api.start(comparing())) {
      int items = 0;
      int withContacts = 0;
      for (String profile : RankingProfiles.load().names()) {
        for (long member : new long[] {1, 2, 5, 7, 9, 10}) {
          for (String[] extra : new String[][] {{"page", "1"}, {"page", "2", "size", "7"},
              {"days", "60", "radius_km", "700"}, {"weights", "contacts_attending:6,starts_soon:0.5"}}) {
            List<String> params = new ArrayList<>(List.of("profile", profile, "explain", "true"));
            params.addAll(List.of(extra));
            Optional<Asked> asked = memberEvents(member, profile, params);
            if (asked.isEmpty()) {
              continue; // a member without a place or languages has no events
            }
            JsonNode answer = assertModelsPage(api, asked.get());
            items += answer.path("items").size();
            for (JsonNode item : answer.path("items")) {
              withContacts += item.path("explain").path("contacts_attending").asDouble() > 0 ? 1 : 0;
            }
          }
        }
      }
      assertThat(items).isGreaterThan(500);
      assertThat(withContacts).as("items whose score counts contacts going").isGreaterThan(10);
    }
  }

  @Test
  void eventSearchIsTheModelsRankingInRelevanceOrderAndSolrsInDateOrder() {
    try (Api api = Api.start(comparing())) {
      int items = 0;
      int beyondTheWindow = 0;
      for (String profile : RankingProfiles.load().names()) {
        for (String[] extra : new String[][] {{"page", "1"}, {"page", "2", "size", "7"}, {"viewer", "1"},
            {"viewer", "2", "near", "52.4,13.2", "radius_km", "40"},
            {"city", Long.toString(World.MUNICH), "lang", "de"},
            {"weights", "distance:2,popularity:0", "viewer", "7"}, {"page", "21", "size", "50"},
            {"page", "22", "size", "50", "viewer", "1"}, {"sort", "date"}, {"sort", "date", "page", "3", "viewer", "1"},
            {"sort", "date", "page", "23", "size", "50"}}) {
          List<String> params = new ArrayList<>(List.of("profile", profile, "explain", "true"));
          params.addAll(List.of(extra));
          JsonNode answer = assertModelsPage(api, eventSearch(profile, params));
          items += answer.path("items").size();
          beyondTheWindow += answer.path("page").asInt() > 20 ? answer.path("items").size() : 0;
        }
      }
      assertThat(items).isGreaterThan(600);
      assertThat(beyondTheWindow).as("items of pages beyond the largest window").isGreaterThan(100);
    }
  }

  @Test
  void eventSearchWithTextIsInTheModelsOrderAndScoresAllButTextAsTheModel() {
    try (Api api = Api.start(comparing())) {
      int textItems = 0;
      for (String profile : RankingProfiles.load().names()) {
        for (String q : new String[] {"hike", "chess night", "meetup"}) {
          for (String[] extra : new String[][] {{"page", "1"}, {"page", "2", "size", "7"}, {"viewer", "1"},
              {"viewer", "2", "near", "52.4,13.2", "radius_km", "40"}, {"weights", "text:4,distance:2", "viewer", "7"},
              {"sort", "date", "viewer", "1"}}) {
            List<String> params = new ArrayList<>(List.of("q", q, "profile", profile, "explain", "true"));
            params.addAll(List.of(extra));
            Asked asked = eventSearch(profile, params);
            Api.Response actual;
            Map<Long, Ranked<EventSignals>> model;
            Instant asking;
            do { // the service and the model at the same minute: soonness moves with it
              asking = minute();
              actual = api.get(asked.path(), params.toArray(String[]::new));
              model = byId(rank(asked, candidates(asked.filters()), asking));
            } while (!asking.equals(minute()));
            String what = asked.path() + " " + params;
            assertThat(actual.status()).as(what + ": " + actual.text()).isEqualTo(200);
            assertThat(actual.ids()).as(what).isNotEmpty();
            double previous = Double.POSITIVE_INFINITY;
            Instant previousStart = Instant.MIN;
            for (JsonNode item : actual.body().path("items")) {
              Ranked<EventSignals> want = model.get(item.path("id").asLong());
              assertThat(want).as(what + " " + item).isNotNull();
              double text = item.path("explain").path("text").asDouble();
              textItems += text > 0 ? 1 : 0;
              assertThat(item.path("score").asDouble() - text).as(what + " " + item)
                  .isCloseTo(want.score(), within(1e-9));
              if (asked.byDate()) {
                Instant start = Instant.parse(item.path("starts_at").asText());
                assertThat(start).as(what).isAfterOrEqualTo(previousStart);
                previousStart = start;
              } else {
                assertThat(item.path("score").asDouble()).as(what).isLessThanOrEqualTo(previous);
                previous = item.path("score").asDouble();
              }
            }
          }
        }
      }
      assertThat(textItems).as("items whose score has a text part").isGreaterThan(200);
    }
  }

  @Test
  void badWeightsAreA400NamingTheField() {
    try (Api inSolr = Api.start(comparing())) {
      for (String[] params : new String[][] {{"weights", "starts_soon:-1"}, {"weights", "no_such_feature:1"},
          {"weights", "distance:1e9"}}) {
        for (String path : new String[] {"/v1/events/search", "/v1/members/1/events"}) {
          Api.Response response = inSolr.get(path, params);
          assertThat(response.status()).as(path + " " + List.of(params)).isEqualTo(400);
          assertThat(response.text()).as(path + " " + List.of(params)).contains("weights");
        }
      }
    }
  }

  /**
   * The service's page against the model's, asked within one minute (both rank at the request's
   * time truncated to the minute): the same events in the same order, the same total, each item
   * with the model's score and explanation (to 1e-9: both read the same values, the point as Solr
   * writes it, into the same model) and reasons.
   *
   * @return the service's answer
   */
  private static JsonNode assertModelsPage(Api api, Asked asked) {
    String what = asked.path() + " " + asked.params();
    while (true) {
      Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
      Api.Response actual = api.get(asked.path(), asked.params().toArray(String[]::new));
      List<EventSignals> candidates = candidates(asked.filters());
      if (!minute.equals(Instant.now().truncatedTo(ChronoUnit.MINUTES))) {
        continue;
      }
      assertThat(actual.status()).as(what + ": " + actual.text()).isEqualTo(200);
      int page = Integer.parseInt(RequestParams.get(asked.params(), "page", "1"));
      int size = Integer.parseInt(RequestParams.get(asked.params(), "size", "20"));
      List<Ranked<EventSignals>> expected = expectedOrder(asked, candidates, page * size, minute);
      int from = Math.min((page - 1) * size, expected.size());
      List<Ranked<EventSignals>> slice = expected.subList(from, Math.min(from + size, expected.size()));
      assertThat(actual.total()).as(what).isEqualTo(candidates.size());
      assertThat(actual.ids()).as(what).isEqualTo(slice.stream().map(ranked -> ranked.item().id()).toList());
      for (int i = 0; i < slice.size(); i++) {
        JsonNode got = actual.body().path("items").get(i);
        Ranked<EventSignals> want = slice.get(i);
        String item = what + " item " + i;
        assertThat(got.path("score").asDouble()).as(item).isCloseTo(want.score(), within(1e-9));
        want.explanation().byFeature().forEach((feature, value) -> assertThat(
            got.path("explain").path(feature).asDouble()).as(item + " " + feature).isCloseTo(value, within(1e-9)));
        assertThat(got.path("reasons").size()).as(item).isEqualTo(want.explanation().reasons().size());
      }
      return actual.body();
    }
  }

  /**
   * The model's order of {@code candidates} for a page ending at {@code end}: in date order the
   * soonest first; in relevance order the model's ranking of the best window by the pre-rank
   * (where the page ends within the largest window), else the pre-rank's order.
   */
  private static List<Ranked<EventSignals>> expectedOrder(Asked asked, List<EventSignals> candidates, int end,
      Instant now) {
    List<Ranked<EventSignals>> all = new ArrayList<>(rank(asked, candidates, now));
    if (asked.byDate()) {
      all.sort(Comparator.<Ranked<EventSignals>, Instant>comparing(ranked -> ranked.item().startsAt())
          .thenComparing(ranked -> Long.toString(ranked.item().id())));
      return all;
    }
    all.sort(Comparator.<Ranked<EventSignals>>comparingDouble(ranked -> -(double) (float) prerank(ranked, asked))
        .thenComparing(ranked -> ranked.item().startsAt())
        .thenComparing(ranked -> Long.toString(ranked.item().id())));
    if (end > 1000) {
      return all;
    }
    List<Candidate<EventSignals>> window = all.subList(0, Math.min(Math.max(WINDOW, end), all.size())).stream()
        .map(ranked -> Candidate.of(ranked.item())).toList();
    return Rankers.events().rank(asked.viewer(), window, asked.profile(), corpus, now);
  }

  private static List<Ranked<EventSignals>> rank(Asked asked, List<EventSignals> candidates, Instant now) {
    return Rankers.events().rank(asked.viewer(), candidates.stream().map(Candidate::of).toList(), asked.profile(),
        corpus, now);
  }

  /** The pre-rank as the model's features weigh it (what Solr's pre-rank computes from its columns). */
  private static double prerank(Ranked<EventSignals> ranked, Asked asked) {
    double sum = 0;
    for (EventFeature feature : EventFeature.values()) {
      if (feature.solrComputable()) {
        sum += asked.profile().events().weight(feature) * ranked.value(feature);
      }
    }
    return sum;
  }

  /** {@code /v1/members/{id}/events}, with the filters {@code MemberEvents} sets. */
  private static Optional<Asked> memberEvents(long member, String profileName, List<String> params) {
    SolrDocument doc = member(member);
    MemberSignals signals = IndexDocs.member(doc);
    List<String> languages = strings(doc.getFieldValues(MemberFields.LANGUAGES));
    if (signals.location() == null || languages.isEmpty()) {
      return Optional.empty();
    }
    LatLon home = signals.location();
    List<String> filters = List.of(EventFields.ENDS_AT + ":[NOW/MINUTE TO *]",
        EventFields.STARTS_AT + ":[NOW/MINUTE TO NOW/MINUTE+" + RequestParams.get(params, "days", "30") + "DAYS]",
        "{!geofilt sfield=" + EventFields.LOCATION + " pt=" + home.latitude() + "," + home.longitude() + " d="
            + RequestParams.get(params, "radius_km", "100") + "}",
        "{!terms f=" + EventFields.LANGUAGE + "}" + String.join(",", languages),
        "-" + EventFields.GOING_IDS + ":" + member + " -" + EventFields.HOST_MEMBER_ID + ":" + member);
    return Optional.of(new Asked("/v1/members/" + member + "/events", params, filters,
        viewer(doc), RequestParams.weights(params).forEvents(RankingProfiles.load().profile(profileName)), false));
  }

  /**
   * {@code /v1/events/search} with the filters {@code EventSearch} sets, query text aside (with
   * text the candidates are a subset of these).
   */
  private static Asked eventSearch(String profileName, List<String> params) {
    List<String> filters = new ArrayList<>(List.of(EventFields.ENDS_AT + ":[NOW/MINUTE TO *]"));
    String viewerId = RequestParams.get(params, "viewer", null);
    Viewer viewer = viewerId == null ? Viewer.anonymous(null) : viewer(member(Long.parseLong(viewerId)));
    String near = RequestParams.get(params, "near", null);
    if (near != null) {
      String[] point = near.split(",");
      viewer = viewer.withOrigin(new LatLon(Double.parseDouble(point[0]), Double.parseDouble(point[1])));
      filters.add("{!geofilt sfield=" + EventFields.LOCATION + " pt=" + near + " d="
          + RequestParams.get(params, "radius_km", "50") + "}");
    }
    String city = RequestParams.get(params, "city", null);
    if (city != null) {
      double[] point = GeneratedEvents.POINTS[Long.parseLong(city) == World.MUNICH ? 2 : Long.parseLong(city) == World.POTSDAM ? 1 : 0];
      viewer = viewer.withOrigin(new LatLon(point[0], point[1]));
      filters.add(EventFields.CITY_ID + ":" + city);
    }
    String lang = RequestParams.get(params, "lang", null);
    if (lang != null) {
      filters.add(EventFields.LANGUAGE + ":" + lang);
    }
    return new Asked("/v1/events/search", params, filters, viewer,
        RequestParams.weights(params).forEvents(RankingProfiles.load().profile(profileName)),
        "date".equals(RequestParams.get(params, "sort", "relevance")));
  }

  /** The events {@code filters} let through at the current minute, read as the model's signals. */
  private static List<EventSignals> candidates(List<String> filters) {
    ModifiableSolrParams params = new ModifiableSolrParams();
    params.set("q", "*:*");
    filters.forEach(filter -> params.add("fq", filter));
    params.set("NOW", Long.toString(minute().toEpochMilli()));
    params.set("rows", EVENTS);
    params.set("fl", String.join(",", IndexDocs.EVENT_FIELDS));
    List<EventSignals> events = new ArrayList<>();
    for (SolrDocument doc : query(solr.events(), params).getResults()) {
      events.add(IndexDocs.event(doc));
    }
    return events;
  }

  /** As the service's {@code InterestRarity}: how many findable members have each interest. */
  private static Corpus corpus() {
    ModifiableSolrParams params = new ModifiableSolrParams();
    params.set("q", "*:*");
    params.set("fq", MemberFields.SEARCHABLE + ":true");
    params.set("rows", 0);
    params.set("facet", true);
    params.set("facet.field", MemberFields.INTERESTS);
    params.set("facet.limit", -1);
    params.set("facet.mincount", 1);
    QueryResponse response = query(solr.members(), params);
    Map<String, Long> bySlug = new HashMap<>();
    response.getFacetField(MemberFields.INTERESTS).getValues()
        .forEach(count -> bySlug.put(count.getName(), count.getCount()));
    return Corpus.of(response.getResults().getNumFound(), bySlug);
  }

  /** As the service's {@code Ranking.viewer}: the member with their contacts. */
  private static Viewer viewer(SolrDocument member) {
    HashSet<Long> contacts = new HashSet<>();
    strings(member.getFieldValues(MemberFields.CONTACT_IDS)).forEach(id -> contacts.add(Long.parseLong(id)));
    return Viewer.of(IndexDocs.member(member), contacts);
  }

  private static SolrDocument member(long id) {
    ModifiableSolrParams params = new ModifiableSolrParams();
    params.set("q", MemberFields.ID + ":" + id);
    List<String> fields = new ArrayList<>(IndexDocs.MEMBER_FIELDS);
    fields.addAll(List.of(MemberFields.LANGUAGES, MemberFields.CONTACT_IDS));
    params.set("fl", String.join(",", fields));
    return query(solr.members(), params).getResults().get(0);
  }

  private static QueryResponse query(String core, ModifiableSolrParams params) {
    try {
      return new QueryRequest(params).process(solr.client(), core);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<Long, Ranked<EventSignals>> byId(List<Ranked<EventSignals>> ranked) {
    Map<Long, Ranked<EventSignals>> byId = new HashMap<>();
    ranked.forEach(item -> byId.put(item.item().id(), item));
    return byId;
  }

  private static List<String> strings(java.util.Collection<Object> values) {
    return values == null ? List.of() : values.stream().map(String::valueOf).toList();
  }

  private static Instant minute() {
    return Instant.now().truncatedTo(ChronoUnit.MINUTES);
  }

  /** A service on the test's cores, uncached, custom weights allowed, patient with a loaded machine. */
  private static QueryServiceConfig comparing() {
    IndexNames cores = new IndexNames(solr.members(), solr.events(), solr.catalog());
    return new QueryServiceConfig(0,
        SolrSettings.at(URI.create(solr.baseUrl())).withRequestTimeout(Duration.ofSeconds(60)), cores, Duration.ZERO,
        Duration.ZERO, 1_000, Duration.ofMinutes(10)).withRankingOverrides(true).withRankWindow(WINDOW)
        .withCaches(new QueryServiceConfig.Caches(Duration.ZERO, Duration.ZERO, Duration.ZERO, Optional.empty(),
            Duration.ofMillis(200), Duration.ofMillis(50), 5, Duration.ofSeconds(10)));
  }
}
