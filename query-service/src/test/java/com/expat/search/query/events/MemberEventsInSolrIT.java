package com.expat.search.query.events;

import static com.expat.search.query.RandomPlaces.NO_COORDINATES;
import static com.expat.search.query.RandomPlaces.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.expat.search.indexer.mapping.EventDocuments;
import com.expat.search.indexer.mapping.MemberDocuments;
import com.expat.search.indexer.world.Catalog;
import com.expat.search.indexer.world.City;
import com.expat.search.indexer.world.Event;
import com.expat.search.indexer.world.EventDetails;
import com.expat.search.indexer.world.Interest;
import com.expat.search.indexer.world.Member;
import com.expat.search.indexer.world.MemberProfile;
import com.expat.search.indexer.world.SpokenLanguage;
import com.expat.search.query.RandomPlaces;
import com.expat.search.query.http.ProblemException;
import com.expat.search.query.members.GeoPoint;
import com.expat.search.query.members.MemberDirectory;
import com.expat.search.query.members.Viewers;
import com.expat.search.query.ranking.CustomWeights;
import com.expat.search.query.ranking.InterestRarity;
import com.expat.search.query.ranking.Ranking;
import com.expat.search.query.search.CatalogLookup;
import com.expat.search.query.search.Location;
import com.expat.search.query.solr.IndexQueryException;
import com.expat.search.query.solr.SolrIndex;
import com.expat.search.ranking.RankingProfiles;
import com.expat.search.ranking.solr.EventRankParams;
import com.expat.search.testing.solr.SolrCores;
import com.expat.search.testing.solr.SolrExtension;
import com.expat.search.vocabulary.IndexFields;
import com.expat.search.vocabulary.QueryParsers;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A member's events with the member read inside Solr ({@link Viewers#inSolr}: the events request
 * names the member, solr-config's {@code RequestViewer} reads them from the members core by
 * real-time get, {@code expat_near sfield=}, {@code expat_viewer_terms}, {@code expat_events} with
 * {@code expat.viewer.id}) are the very pages the service-read path gives (the member read by
 * {@link MemberDirectory}, their values written into the filters and the ranking), for many members,
 * radii, days, profiles and pages on a real Solr: 40 cities and one without coordinates, members
 * with random languages (some none), interests and contacts, some not searchable; events at their
 * venues around the cities (some without a point), in random languages, some the member goes to or
 * hosts. A change written a moment ago (not committed) applies at once, as with {@code /get}. A
 * member who is unknown or deleted is the 404. The same for event search with a viewer ({@link
 * EventSearch}: Solr reads the viewer, who ranks with the place searched as origin when there is
 * one, else from their home, which Solr tells for {@code distance_km}).
 */
@ExtendWith(SolrExtension.class)
class MemberEventsInSolrIT {
  private static final long TO_DELETE = 5_000;
  private static final List<String> LANGUAGES = List.of("de", "en", "fr", "it");
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MINUTES);

  private static SolrCores solr;
  private static SolrIndex index;
  private static MemberDirectory directory;
  private static Catalog catalog;
  private static MemberEvents inSolr;
  private static MemberEvents serviceRead;
  private static EventSearch searchInSolr;
  private static EventSearch searchServiceRead;
  private static final Map<Long, MemberProfile> profiles = new HashMap<>();
  private static long lastMember;

  @BeforeAll
  static void index(SolrCores cores) throws Exception {
    solr = cores;
    Random random = new Random(17);
    List<City> cities = RandomPlaces.cities(random, 40, 45, 8, 2, 14);
    List<Interest> interests = new ArrayList<>();
    for (int id = 1; id <= 8; id++) {
      interests.add(new Interest(id, "interest-" + id, "Interest " + id, "misc"));
    }
    catalog = new Catalog(cities, interests);
    RandomPlaces.index(cores, catalog);

    List<SolrInputDocument> members = new ArrayList<>();
    long id = 1;
    for (City city : cities) {
      for (int k = 0; k < 3; k++, id++) {
        MemberProfile profile = new MemberProfile(member(id, city.id(), random.nextInt(8) > 0, 1), languages(random),
            interests(random), ids(random, 4, 123), List.of());
        profiles.put(id, profile);
        members.add(MemberDocuments.document(profile, catalog));
      }
    }
    lastMember = id - 1;
    // Deleted by a test: not findable, so the interest rarity counts the same without them.
    members.add(MemberDocuments.document(new MemberProfile(member(TO_DELETE, 1, false, 1), languages(random),
        interests(random), List.of(), List.of()), catalog));
    cores.client().add(cores.members(), members);
    cores.client().commit(cores.members());

    List<SolrInputDocument> events = new ArrayList<>();
    for (long event = 1; event <= 1_500; event++) {
      events.add(EventDocuments.document(event(event, cities.get(random.nextInt(cities.size())), random), catalog));
    }
    cores.client().add(cores.events(), events);
    cores.client().commit(cores.events());

    index = new SolrIndex(cores.client());
    directory = new MemberDirectory(index, cores.members());
    com.expat.search.query.catalog.Catalog points = RandomPlaces.serviceCatalog(index, cores.catalog());
    CatalogLookup lookup = new CatalogLookup(index, points, cores.catalog(), cores.members(), Duration.ofMinutes(10),
        Ticker.systemTicker());
    // One minute for both paths: the decays and Solr's NOW are the same in both.
    Ranking ranking = new Ranking(RankingProfiles.load(),
        new InterestRarity(index, cores.members(), Duration.ofMinutes(10), Ticker.systemTicker()),
        Clock.fixed(NOW, ZoneOffset.UTC), Ranking.WINDOW, true);
    inSolr = new MemberEvents(index, cores.events(), cores.members(), new Viewers(directory, true), lookup, ranking);
    serviceRead = new MemberEvents(index, cores.events(), cores.members(), new Viewers(directory, false), lookup,
        ranking);
    searchInSolr = new EventSearch(index, cores.events(), cores.members(), new Viewers(directory, true), lookup,
        ranking);
    searchServiceRead = new EventSearch(index, cores.events(), cores.members(), new Viewers(directory, false),
        lookup, ranking);
    // The interest rarity is counted once per ten minutes, by the service (InterestRarity) and by
    // Solr's plugin (FindableCorpus) each: count both now, over the same index. No test changes
    // what they count (findable members, their interests).
    serviceRead.run(request(1, 30, 100, 1, 20, false, "default"));
    inSolr.run(request(1, 30, 100, 1, 20, false, "default"));
  }

  private static Member member(long id, long cityId, boolean searchable, long version) {
    return new Member(id, "Member " + id, null, null, null, cityId, "DE", Member.Membership.BASIC, searchable,
        Member.Status.ACTIVE, false, NOW, NOW, NOW, version);
  }

  private static List<SpokenLanguage> languages(Random random) {
    List<SpokenLanguage> spoken = new ArrayList<>();
    for (String code : LANGUAGES) {
      if (random.nextInt(3) == 0) {
        spoken.add(new SpokenLanguage(code, SpokenLanguage.Level.values()[random.nextInt(4)]));
      }
    }
    return spoken;
  }

  private static List<Integer> interests(Random random) {
    List<Integer> ids = new ArrayList<>();
    for (int id = 1; id <= 8; id++) {
      if (random.nextInt(4) == 0) {
        ids.add(id);
      }
    }
    return ids;
  }

  /** At its venue near the city (none for some, and for the city without coordinates), within 60 days. */
  private static EventDetails event(long id, City city, Random random) {
    Double latitude = null;
    Double longitude = null;
    if (!Double.isNaN(city.latitude()) && random.nextInt(6) > 0) {
      latitude = city.latitude() + (random.nextDouble() - 0.5) * 0.6;
      longitude = city.longitude() + (random.nextDouble() - 0.5) * 0.8;
    }
    Instant starts = random.nextInt(15) == 0 ? NOW.minus(Duration.ofMinutes(30 + random.nextInt(90)))
        : NOW.plus(Duration.ofMinutes(30 + random.nextInt(60 * 24 * 60)));
    List<Long> going = ids(random, 5, 123);
    long host = random.nextInt(4) == 0 ? 1 + random.nextInt(123) : 500 + random.nextInt(50);
    Event event = new Event(id, "Event " + id, "About event " + id, city.id(), "Venue " + id, latitude, longitude,
        starts, starts.plus(Duration.ofHours(1 + random.nextInt(5))), LANGUAGES.get(random.nextInt(LANGUAGES.size())),
        host, random.nextInt(3) == 0 ? null : 5 + random.nextInt(40), Event.Status.PUBLISHED, NOW.minus(Duration.ofDays(9)),
        NOW, 1);
    return new EventDetails(event, interests(random), going, List.of());
  }

  private static MemberEventsRequest request(long member, int days, double radius, int page, int size,
      boolean explain, String profile) {
    return new MemberEventsRequest(member, days, radius, page, size, explain, profile, CustomWeights.NONE, "en");
  }

  @Test
  void theMemberReadInSolrGivesTheServiceReadPathsPages() {
    int withoutLanguages = 0;
    int items = 0;
    int empty = 0;
    List<String> names = List.copyOf(RankingProfiles.load().names());
    for (long member = 1; member <= lastMember; member += 2) {
      withoutLanguages += profiles.get(member).languages().isEmpty() ? 1 : 0;
      for (double radius : new double[] {1, 27.5, 123.456, 400, 1000}) {
        for (int days : new int[] {7, 60}) {
          MemberEventsRequest request = request(member, days, radius, 1, 20, member % 3 == 0,
              names.get((int) (member % names.size())));
          EventPage expected = serviceRead.run(request);
          assertThat(inSolr.run(request)).as("member %s, radius %s, days %s", member, radius, days)
              .isEqualTo(expected);
          items += expected.items().size();
          empty += expected.total() == 0 ? 1 : 0;
        }
      }
      MemberEventsRequest secondPage = request(member, 60, 400, 2, 7, true, names.get(0));
      assertThat(inSolr.run(secondPage)).as("member %s, page 2", member).isEqualTo(serviceRead.run(secondPage));
    }
    assertThat(withoutLanguages).as("the sample has members without languages").isPositive();
    assertThat(items).as("items compared").isGreaterThan(2_000);
    assertThat(empty).as("empty answers compared").isPositive();
  }

  private static EventSearchRequest search(String q, Optional<Location> location, long viewer, EventSort sort,
      Set<EventFacet> facets, List<String> languages, int page, int size, boolean explain, String profile) {
    return new EventSearchRequest(q, location, Optional.empty(), Optional.empty(), languages, List.of(),
        Optional.of(viewer), sort, facets, page, size, explain, profile, CustomWeights.NONE, "en");
  }

  /** Queries with and without text, place (a point, a city with and without coordinates, a radius), sorts, facets. */
  private static List<EventSearchRequest> searches(long viewer, String profile) {
    City city = catalog.city(viewer % 40 + 1).orElseThrow();
    GeoPoint point = new GeoPoint(city.latitude(), city.longitude());
    List<EventSearchRequest> searches = new ArrayList<>();
    for (String q : new String[] {"", "event", "about event 1"}) {
      for (Optional<Location> where : List.<Optional<Location>>of(Optional.empty(),
          Optional.of(new Location.Near(point, 150)), Optional.of(new Location.InCity(city.id(), Optional.empty())),
          Optional.of(new Location.InCity(city.id(), Optional.of(80.0))),
          Optional.of(new Location.InCity(NO_COORDINATES, Optional.empty())))) {
        searches.add(search(q, where, viewer, EventSort.RELEVANCE, Set.of(), List.of(), 1, 20, viewer % 3 == 0,
            profile));
      }
      searches.add(search(q, Optional.empty(), viewer, EventSort.DATE, Set.of(EventFacet.CITY, EventFacet.LANGUAGE),
          List.of(), 1, 20, viewer % 2 == 0, profile));
      searches.add(search(q, Optional.empty(), viewer, EventSort.RELEVANCE, Set.of(EventFacet.INTEREST),
          List.of("de", "fr"), 2, 7, true, profile));
    }
    // Beyond the largest window: the key's order, the model scores the page.
    searches.add(search("", Optional.empty(), viewer, EventSort.RELEVANCE, Set.of(), List.of(), 60, 20, true, profile));
    return searches;
  }

  @Test
  void eventSearchWithTheViewerReadInSolrGivesTheServiceReadPathsPages() {
    List<String> names = List.copyOf(RankingProfiles.load().names());
    int items = 0;
    int withDistance = 0;
    int empty = 0;
    for (long viewer = 1; viewer <= lastMember; viewer += 3) {
      for (EventSearchRequest request : searches(viewer, names.get((int) (viewer % names.size())))) {
        EventPage expected = searchServiceRead.run(request);
        assertThat(searchInSolr.run(request)).as("%s", request).isEqualTo(expected);
        items += expected.items().size();
        withDistance += (int) expected.items().stream().filter(item -> item.distanceKm() != null).count();
        empty += expected.total() == 0 ? 1 : 0;
      }
    }
    assertThat(items).as("items compared").isGreaterThan(5_000);
    assertThat(withDistance).as("distances compared").isGreaterThan(2_000);
    assertThat(empty).as("empty answers compared").isPositive();
  }

  @Test
  void eventSearchSeesAViewersChangeWrittenAMomentAgo() throws Exception {
    long viewer = 7;
    MemberProfile before = profiles.get(viewer);
    EventSearchRequest request = search("", Optional.empty(), viewer, EventSort.RELEVANCE, Set.of(), List.of(), 1,
        20, true, "default");
    EventPage was = searchInSolr.run(request);
    City elsewhere = catalog.city((before.member().cityId() + 19) % 40 + 1).orElseThrow();
    try {
      // Not committed: only the update log has it. Another home: other distances, another order.
      solr.client().add(solr.members(), MemberDocuments.document(new MemberProfile(
          member(viewer, elsewhere.id(), before.member().searchable(), 2), before.languages(),
          before.interestIds(), before.contactIds(), List.of()), catalog));

      EventPage now = searchInSolr.run(request);

      assertThat(now).isEqualTo(searchServiceRead.run(request)).isNotEqualTo(was);
    } finally {
      restore(before);
    }
    assertThat(searchInSolr.run(request)).isEqualTo(was);
  }

  @Test
  void aMemberInACityWithoutCoordinatesGetsTheEventsOfTheirCity() {
    long member = lastMember - 2; // the first of the three members of the city without coordinates
    assertThat(directory.require(member, "member").location()).isEmpty();
    MemberEventsRequest request = request(member, 60, 1, 1, 50, false, "default");

    EventPage page = inSolr.run(request);

    assertThat(page).isEqualTo(serviceRead.run(request));
    assertThat(page.items()).allSatisfy(item -> assertThat(item.city().id()).isEqualTo(NO_COORDINATES));
  }

  @Test
  void aChangeWrittenAMomentAgoAppliesAtOnce() throws Exception {
    long member = 4;
    MemberProfile before = profiles.get(member);
    MemberEventsRequest request = request(member, 60, 400, 1, 20, true, "default");
    EventPage was = inSolr.run(request);
    List<SpokenLanguage> others = LANGUAGES.stream()
        .filter(code -> before.languages().stream().noneMatch(spoken -> spoken.code().equals(code)))
        .map(code -> new SpokenLanguage(code, SpokenLanguage.Level.NATIVE)).toList();
    assertThat(others).as("member %s lacks a language to learn", member).isNotEmpty();
    City elsewhere = catalog.city(before.member().cityId() % 40 + 1).orElseThrow();
    try {
      // Not committed: only the update log has it, as /get sees it. A newer version, or it is stale.
      solr.client().add(solr.members(), MemberDocuments.document(new MemberProfile(
          member(member, elsewhere.id(), before.member().searchable(), 2), others, before.interestIds(),
          List.of(1L, 2L, 3L), List.of()), catalog));

      EventPage now = inSolr.run(request);

      assertThat(now).isEqualTo(serviceRead.run(request)).isNotEqualTo(was);
      assertThat(now.items()).isNotEmpty().allSatisfy(item -> assertThat(item.language()).isIn(
          others.stream().map(SpokenLanguage::code).toList()));
    } finally {
      restore(before);
    }
    assertThat(inSolr.run(request)).isEqualTo(was);
  }

  /** Writes the member back as they were, as a newer version, and commits. */
  private static void restore(MemberProfile before) throws Exception {
    solr.client().add(solr.members(), MemberDocuments.document(new MemberProfile(
        member(before.member().id(), before.member().cityId(), before.member().searchable(), 3), before.languages(),
        before.interestIds(), before.contactIds(), before.blockedIds()), catalog));
    solr.client().commit(solr.members());
  }

  @Test
  void anUnknownOrDeletedMemberIsThe404() throws Exception {
    assertNotFound(99_999);
    long deleted = TO_DELETE;
    assertThat(directory.find(deleted)).isPresent();
    SolrInputDocument tombstone = new SolrInputDocument();
    tombstone.setField("id", Long.toString(deleted));
    tombstone.setField(IndexFields.TOMBSTONE, true);
    tombstone.setField(IndexFields.VERSION, 5L);
    solr.client().add(solr.members(), tombstone);
    assertNotFound(deleted);
  }

  private static void assertNotFound(long member) {
    MemberEventsRequest request = request(member, 30, 100, 1, 20, false, "default");
    for (MemberEvents path : List.of(inSolr, serviceRead)) {
      assertThatThrownBy(() -> path.run(request)).isInstanceOf(ProblemException.class)
          .hasMessageContaining("member " + member + " is not an active member")
          .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(404));
    }
    for (EventSort sort : EventSort.values()) {
      EventSearchRequest search = search("event", Optional.empty(), member, sort, Set.of(EventFacet.CITY), List.of(),
          1, 20, false, "default");
      for (EventSearch path : List.of(searchInSolr, searchServiceRead)) {
        assertThatThrownBy(() -> path.run(search)).isInstanceOf(ProblemException.class)
            .hasMessageContaining("viewer " + member + " is not an active member")
            .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(404));
      }
    }
  }

  @Test
  void aMemberWithoutLanguagesHasNoEvents() {
    long member = profiles.values().stream().filter(profile -> profile.languages().isEmpty())
        .mapToLong(profile -> profile.member().id()).min().orElseThrow();
    MemberEventsRequest request = request(member, 365, 1000, 1, 20, false, "default");

    assertThat(inSolr.run(request)).isEqualTo(serviceRead.run(request))
        .isEqualTo(new EventPage(0, 1, 20, List.of(), null));
  }

  @Test
  void malformedReferencesAreBadRequestsNotServerErrors() {
    ModifiableSolrParams near = new ModifiableSolrParams();
    near.set("q", "*:*");
    near.set(com.expat.search.ranking.solr.RankParams.VIEWER_CORE, solr.members());
    near.add("fq", "{!" + QueryParsers.NEAR + " viewer=5 d=10 sfield=no_such_field}");
    assertThatThrownBy(() -> index.query(solr.events(), near)).isInstanceOf(IndexQueryException.class)
        .hasMessageContaining("sfield must name a field");

    ModifiableSolrParams noCore = new ModifiableSolrParams();
    noCore.set("q", "*:*");
    noCore.set(com.expat.search.ranking.solr.RankParams.VIEWER_CORE, "no_such_core");
    noCore.add("fq", "{!" + QueryParsers.VIEWER_TERMS + " f=language viewer=5 v=languages}");
    assertThatThrownBy(() -> index.query(solr.events(), noCore)).isInstanceOf(IndexQueryException.class)
        .hasMessageContaining("must name a core of this Solr node");

    ModifiableSolrParams ranked = new ModifiableSolrParams();
    ranked.set("q", "*:*");
    ranked.set("rq", "{!" + QueryParsers.EVENTS + " window=20}");
    EventRankParams.params(RankingProfiles.load().defaultProfile(), 5, solr.members(), null, NOW).forEach(ranked::set);
    ranked.remove(com.expat.search.ranking.solr.RankParams.VIEWER_CORE);
    assertThatThrownBy(() -> index.query(solr.events(), ranked)).isInstanceOf(IndexQueryException.class)
        .hasMessageContaining("needs " + com.expat.search.ranking.solr.RankParams.VIEWER_CORE);

    ranked.set(com.expat.search.ranking.solr.RankParams.VIEWER_CORE, solr.members());
    ranked.set(com.expat.search.ranking.solr.RankParams.VIEWER_ORIGIN, "north");
    assertThatThrownBy(() -> index.query(solr.events(), ranked)).isInstanceOf(IndexQueryException.class)
        .hasMessageContaining(com.expat.search.ranking.solr.RankParams.VIEWER_ORIGIN + " must be lat,lon");
  }
}
