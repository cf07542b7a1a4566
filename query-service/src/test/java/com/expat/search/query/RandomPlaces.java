package com.expat.search.query;

import com.expat.search.indexer.mapping.CatalogDocuments;
import com.expat.search.indexer.world.Catalog;
import com.expat.search.indexer.world.City;
import com.expat.search.indexer.world.Interest;
import com.expat.search.query.solr.RequestBudget;
import com.expat.search.query.solr.SolrIndex;
import com.expat.search.testing.solr.SolrCores;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.solr.common.SolrInputDocument;

/**
 * The small worlds of the ITs that check what Solr reads of a viewer against what the service
 * reads ({@code ViewerInSolrIT}, {@code CityRadiusIT}, {@code MemberEventsInSolrIT}): cities at
 * random points of a box plus one without coordinates, indexed into the catalog core, random
 * contact and block ids, and the service's catalog over them. The draws are in a fixed order, so a
 * seed gives the same world as before this was shared.
 */
public final class RandomPlaces {
  /** The city without coordinates every such world has, after its random ones. */
  public static final long NO_COORDINATES = 9_001;

  private RandomPlaces() {}

  /**
   * Cities {@code 1..count} in Germany's time zone, at latitudes {@code latFrom + latSpan x u} and
   * longitudes {@code lonFrom + lonSpan x u} (one draw each, in that order), then {@link #NO_COORDINATES}.
   */
  public static List<City> cities(Random random, int count, double latFrom, double latSpan, double lonFrom,
      double lonSpan) {
    List<City> cities = new ArrayList<>(count + 1);
    for (long id = 1; id <= count; id++) {
      cities.add(new City(id, "City " + id, "City " + id, "DE", latFrom + latSpan * random.nextDouble(),
          lonFrom + lonSpan * random.nextDouble(), 10_000, "Europe/Berlin"));
    }
    cities.add(new City(NO_COORDINATES, "Nowhere", "Nowhere", "DE", Double.NaN, Double.NaN, 10_000, "Europe/Berlin"));
    return cities;
  }

  /** The catalog's cities and interests in the catalog core, committed. */
  public static void index(SolrCores cores, Catalog catalog) throws Exception {
    List<SolrInputDocument> docs = new ArrayList<>();
    catalog.cities().forEach(city -> docs.add(CatalogDocuments.city(city, 1)));
    for (Interest interest : catalog.interests()) {
      docs.add(CatalogDocuments.interest(interest, 1, 1));
    }
    cores.client().add(cores.catalog(), docs);
    cores.client().commit(cores.catalog());
  }

  /** Up to {@code most} distinct ids in {@code 1..bound} (the count drawn first). */
  public static List<Long> ids(Random random, int most, int bound) {
    List<Long> ids = new ArrayList<>();
    for (int i = random.nextInt(most + 1); i > 0; i--) {
      ids.add(1L + random.nextInt(bound));
    }
    return ids.stream().distinct().toList();
  }

  /** The service's catalog of the cities in {@code catalogCore}, read once, with no background refresh. */
  public static com.expat.search.query.catalog.Catalog serviceCatalog(SolrIndex index, String catalogCore) {
    return new com.expat.search.query.catalog.Catalog(index, catalogCore, Duration.ofMinutes(10),
        Ticker.systemTicker(), new RequestBudget(Duration.ofSeconds(30), Ticker.systemTicker()), Runnable::run);
  }
}
