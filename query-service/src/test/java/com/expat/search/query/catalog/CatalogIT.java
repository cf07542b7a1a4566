package com.expat.search.query.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.expat.search.indexer.mapping.CatalogDocuments;
import com.expat.search.indexer.mapping.MemberDocuments;
import com.expat.search.indexer.world.City;
import com.expat.search.indexer.world.Interest;
import com.expat.search.indexer.world.Member;
import com.expat.search.indexer.world.MemberProfile;
import com.expat.search.indexer.world.SpokenLanguage;
import com.expat.search.query.members.GeoPoint;
import com.expat.search.query.search.CatalogLookup;
import com.expat.search.query.solr.IndexUnavailableException;
import com.expat.search.query.solr.RequestBudget;
import com.expat.search.query.solr.SolrIndex;
import com.expat.search.testing.solr.SolrCores;
import com.expat.search.testing.solr.SolrExtension;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One reading of the catalog core serves every use of it (names in search texts, city points,
 * radii), once per TTL, on a real Solr; a request waits for the first reading no longer than its
 * budget.
 */
@ExtendWith(SolrExtension.class)
class CatalogIT {
  private static final Duration TTL = Duration.ofMinutes(10);
  private static final City BERLIN = new City(2950159, "Berlin", "Berlin", "DE", 52.52437, 13.41053, 3426354, "Europe/Berlin");
  private static final City POTSDAM = new City(2852458, "Potsdam", "Potsdam", "DE", 52.39886, 13.06566, 159456, "Europe/Berlin");
  /** A city the catalog core does not hold (added since it was built); a member lives there. */
  private static final City NEW_TOWN = new City(9_100, "Neustadt", "Neustadt", "DE", 50.1, 8.7, 5_000, "Europe/Berlin");
  private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

  private static SolrCores solr;

  private final AtomicLong nanos = new AtomicLong();
  private final Ticker ticker = nanos::get;
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @BeforeAll
  static void index(SolrCores cores) throws Exception {
    solr = cores;
    cores.client().add(cores.catalog(), List.of(CatalogDocuments.city(BERLIN, 1), CatalogDocuments.city(POTSDAM, 1),
        CatalogDocuments.interest(new Interest(1, "hiking", "Hiking", "outdoors"), 1, 1)));
    cores.client().commit(cores.catalog());
    Member member = new Member(1, "Nina Neu", null, null, null, NEW_TOWN.id(), "DE", Member.Membership.BASIC, true,
        Member.Status.ACTIVE, false, NOW, NOW, NOW, 1);
    cores.client().add(cores.members(), MemberDocuments.document(new MemberProfile(member,
        List.of(new SpokenLanguage("de", SpokenLanguage.Level.NATIVE)), List.of(), List.of(), List.of()),
        new com.expat.search.indexer.world.Catalog(List.of(NEW_TOWN), List.of())));
    cores.client().commit(cores.members());
  }

  private SolrIndex index() {
    return new SolrIndex(solr.client(), registry);
  }

  /** Requests made to the catalog core so far, answered or not. */
  private long catalogRequests() {
    return registry.find("expat.solr.requests").tag("core", solr.catalog()).timers().stream()
        .mapToLong(Timer::count).sum();
  }

  @Test
  void oneReadingServesNamesPointsRadiiAndCityLocations() {
    SolrIndex index = index();
    Catalog catalog = new Catalog(index, solr.catalog(), TTL, ticker, budget(Duration.ofSeconds(30)), Runnable::run);
    CatalogLookup lookup = new CatalogLookup(index, catalog, solr.catalog(), solr.members(), TTL, ticker);

    assertThat(lookup.cityNamed("Potsdam")).contains(POTSDAM.id());
    long oneReading = catalogRequests();
    assertThat(oneReading).isPositive();

    assertThat(lookup.cityNamed("berlin")).contains(BERLIN.id());
    assertThat(lookup.interestNamed("HIKING")).contains("hiking");
    assertThat(lookup.cityLocation(BERLIN.id())).contains(new GeoPoint(BERLIN.latitude(), BERLIN.longitude()));
    assertThat(lookup.cityLocation(POTSDAM.id())).contains(new GeoPoint(POTSDAM.latitude(), POTSDAM.longitude()));
    assertThat(catalog.snapshot().points().within(new GeoPoint(BERLIN.latitude(), BERLIN.longitude()), 30))
        .containsExactly(POTSDAM.id(), BERLIN.id());
    assertThat(catalogRequests()).as("no further request to the catalog").isEqualTo(oneReading);
  }

  @Test
  void afterItsTtlTheCatalogIsReadAgainAndTheReadingBeforeServesMeanwhile() throws Exception {
    HeldTasks reader = new HeldTasks();
    Catalog catalog = new Catalog(index(), solr.catalog(), TTL, ticker, budget(Duration.ofSeconds(30)), reader);
    reader.runAtOnce = true;
    assertThat(catalog.snapshot().cityNamed("berlin")).contains(BERLIN.id());
    long oneReading = catalogRequests();
    reader.runAtOnce = false;

    // Far from the cities the other tests look around, and left in the catalog after this test.
    City lisbon = new City(2_267_057, "Lisboa", "Lisboa", "PT", 38.71667, -9.13333, 517_802, "Europe/Lisbon");
    solr.client().add(solr.catalog(), CatalogDocuments.city(lisbon, 1));
    solr.client().commit(solr.catalog());
    nanos.addAndGet(TTL.toNanos() - 1);
    assertThat(catalog.snapshot().cityNamed("lisboa")).as("within the TTL").isEmpty();
    reader.runAll();
    assertThat(catalogRequests()).as("no reading within the TTL").isEqualTo(oneReading);

    nanos.addAndGet(2);
    assertThat(catalog.snapshot().cityNamed("lisboa")).as("the reading before, while the next is made").isEmpty();
    reader.runAll(); // the next reading, started by that use
    assertThat(catalog.snapshot().cityPoint(lisbon.id())).contains(new GeoPoint(lisbon.latitude(), lisbon.longitude()));
    assertThat(catalogRequests()).isEqualTo(2 * oneReading);
  }

  @Test
  void aRequestWaitsForTheFirstReadingNoLongerThanWhatIsLeftOfItsBudget() {
    HeldTasks reader = new HeldTasks();
    RequestBudget budget = new RequestBudget(Duration.ofMillis(200), Ticker.systemTicker());
    Catalog catalog = new Catalog(index(), solr.catalog(), TTL, ticker, budget, reader);
    budget.start();
    try {
      long started = System.nanoTime();
      assertThatThrownBy(catalog::snapshot).isInstanceOf(IndexUnavailableException.class)
          .hasMessageContaining("not read within the request's time");
      assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(150));

      budget.start(); // the next request
      reader.runAll(); // the reading ends after the request above gave up, and serves the next
      assertThat(catalog.snapshot().cityNamed("potsdam")).contains(POTSDAM.id());
    } finally {
      budget.end();
    }
  }

  @Test
  void askingWhetherItIsReadStartsTheFirstReadingAndSaysYesOnlyOnceItIsIn() {
    HeldTasks reader = new HeldTasks();
    Catalog catalog = new Catalog(index(), solr.catalog(), TTL, ticker, budget(Duration.ofSeconds(30)), reader);

    assertThat(catalog.isRead()).as("nothing read yet").isFalse();
    assertThat(catalog.isRead()).as("still reading").isFalse();
    assertThat(catalogRequests()).as("the reading waits for its thread").isZero();

    reader.runAll();
    long asked = catalogRequests();
    assertThat(catalog.isRead()).isTrue();
    // one reading, not one per question: the same requests as one reading made by a catalog of its own
    new Catalog(index(), solr.catalog(), TTL, ticker, budget(Duration.ofSeconds(30)), Runnable::run).snapshot();
    assertThat(asked).isPositive().isEqualTo(catalogRequests() - asked);
    assertThat(catalog.snapshot().cityNamed("berlin")).contains(BERLIN.id());
  }

  @Test
  void aTtlOfZeroReadsAgainAtEveryUse() {
    Catalog catalog = new Catalog(index(), solr.catalog(), Duration.ZERO, ticker, budget(Duration.ofSeconds(30)),
        Runnable::run);
    assertThat(catalog.snapshot().cityNamed("berlin")).contains(BERLIN.id());
    long afterFirst = catalogRequests();
    nanos.addAndGet(10);

    assertThat(catalog.snapshot().cityNamed("potsdam")).contains(POTSDAM.id());
    assertThat(catalogRequests()).as("read again").isGreaterThan(afterFirst);
  }

  @Test
  void aCityTheCatalogDoesNotPlaceIsPlacedByItsMembers() {
    SolrIndex index = index();
    Catalog catalog = new Catalog(index, solr.catalog(), TTL, ticker, budget(Duration.ofSeconds(30)), Runnable::run);
    CatalogLookup lookup = new CatalogLookup(index, catalog, solr.catalog(), solr.members(), TTL, ticker);

    assertThat(catalog.snapshot().cityPoint(NEW_TOWN.id())).isEmpty();
    assertThat(lookup.cityLocation(NEW_TOWN.id())).contains(new GeoPoint(NEW_TOWN.latitude(), NEW_TOWN.longitude()));
    assertThat(lookup.cityLocation(12_345)).as("a city nobody knows").isEmpty();
  }

  /** Runs the tasks given to it when told to, on the test's thread. */
  private static final class HeldTasks implements Executor {
    private final List<Runnable> held = new ArrayList<>();
    volatile boolean runAtOnce;

    @Override
    public synchronized void execute(Runnable task) {
      if (runAtOnce) {
        task.run();
      } else {
        held.add(task);
      }
    }

    void runAll() {
      List<Runnable> tasks;
      synchronized (this) {
        tasks = new ArrayList<>(held);
        held.clear();
      }
      tasks.forEach(Runnable::run);
    }
  }

  private RequestBudget budget(Duration duration) {
    return new RequestBudget(duration, ticker);
  }
}
