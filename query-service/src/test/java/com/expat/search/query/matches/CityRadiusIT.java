package com.expat.search.query.matches;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.indexer.mapping.MemberDocuments;
import com.expat.search.indexer.world.Catalog;
import com.expat.search.indexer.world.City;
import com.expat.search.indexer.world.Member;
import com.expat.search.indexer.world.MemberProfile;
import com.expat.search.indexer.world.SpokenLanguage;
import com.expat.search.query.catalog.CityPoints;
import com.expat.search.query.RandomPlaces;
import com.expat.search.query.members.KnownMember;
import com.expat.search.query.members.MemberDirectory;
import com.expat.search.query.solr.SolrIndex;
import com.expat.search.testing.solr.SolrCores;
import com.expat.search.testing.solr.SolrExtension;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The radius rule of the matches query ({@link MatchRules}, a set of city ids from the catalog)
 * keeps exactly the members Solr's {@code geofilt} around the viewer's point keeps, on a real
 * Solr: 400 cities spread over Europe, one without coordinates, members in a city with no row.
 */
@ExtendWith(SolrExtension.class)
class CityRadiusIT {
  private static final long NO_ROW = 9_002;
  private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

  private static SolrIndex index;
  private static String members;
  private static MemberDirectory directory;
  private static com.expat.search.query.catalog.Catalog cities;

  @BeforeAll
  static void index(SolrCores solr) throws Exception {
    Random random = new Random(7);
    List<City> rows = RandomPlaces.cities(random, 400, 35, 25, -10, 40);
    Catalog catalog = new Catalog(rows, List.of());
    RandomPlaces.index(solr, catalog);

    List<SolrInputDocument> docs = new ArrayList<>();
    long id = 1;
    for (City city : rows) {
      docs.add(member(id++, city.id(), catalog));
      docs.add(member(id++, city.id(), catalog));
    }
    docs.add(member(id++, NO_ROW, catalog));
    solr.client().add(solr.members(), docs);
    solr.client().commit(solr.members());

    index = new SolrIndex(solr.client());
    members = solr.members();
    directory = new MemberDirectory(index, members);
    cities = RandomPlaces.serviceCatalog(index, solr.catalog());
  }

  private static SolrInputDocument member(long id, long cityId, Catalog catalog) {
    Member member = new Member(id, "Member " + id, null, null, null, cityId, "DE", Member.Membership.BASIC, true,
        Member.Status.ACTIVE, false, NOW, NOW, NOW, 1);
    return MemberDocuments.document(new MemberProfile(member,
        List.of(new SpokenLanguage("de", SpokenLanguage.Level.NATIVE)), List.of(), List.of(), List.of()), catalog);
  }

  @Test
  void cityIdsWithinTheRadiusKeepTheMembersGeofiltKeeps() {
    assertThat(cities.snapshot().points().size()).isEqualTo(400);
    for (long viewerId = 1; viewerId <= 800; viewerId += 37) {
      KnownMember viewer = directory.require(viewerId, "viewer");
      for (double radius : new double[] {1, 10, 27.5, 100, 123.456, 400, 1000}) {
        ModifiableSolrParams rule = radiusRule(viewer, radius);
        assertThat(rule.get("near_cities")).as("the rule is the city set, not the fallback").isNotNull();
        assertThat(ids(rule)).as("viewer %s, radius %s", viewerId, radius).isEqualTo(ids(geofilt(viewer, radius)))
            .contains(viewerId);
      }
    }
  }

  @Test
  void aCityWithoutCoordinatesIsNearOnlyItself() {
    KnownMember viewer = directory.require(801, "viewer");
    assertThat(viewer.location()).isEmpty();

    assertThat(ids(radiusRule(viewer, 1000))).containsExactlyInAnyOrder(801L, 802L);
  }

  @Test
  void aCityTheCatalogDoesNotKnowFallsBackToGeofilt() {
    KnownMember viewer = directory.require(1, "viewer");
    ModifiableSolrParams params = new ModifiableSolrParams();
    MatchRules.of(viewer, 300, CityPoints.NONE).stream().filter(r -> r.name().equals(MatchRules.RADIUS))
        .forEach(r -> r.addTo(params));

    assertThat(params.get("near_cities")).isNull();
    assertThat(ids(params)).isEqualTo(ids(geofilt(viewer, 300)));
  }

  private static ModifiableSolrParams radiusRule(KnownMember viewer, double radius) {
    ModifiableSolrParams params = new ModifiableSolrParams();
    MatchRules.of(viewer, radius, cities.snapshot().points()).stream().filter(r -> r.name().equals(MatchRules.RADIUS))
        .forEach(r -> r.addTo(params));
    return params;
  }

  private static ModifiableSolrParams geofilt(KnownMember viewer, double radius) {
    ModifiableSolrParams params = new ModifiableSolrParams();
    params.set("sfield", "location");
    params.set("pt", viewer.location().orElseThrow().solr());
    params.add("fq", "{!geofilt d=" + String.format(Locale.ROOT, "%.3f", radius) + "}");
    return params;
  }

  private static Set<Long> ids(ModifiableSolrParams filters) {
    ModifiableSolrParams params = new ModifiableSolrParams(filters);
    params.set("q", "*:*");
    params.set("fl", "id");
    params.set("rows", 10_000);
    return index.query(members, params).getResults().stream()
        .map(doc -> Long.parseLong(doc.getFirstValue("id").toString())).collect(Collectors.toSet());
  }
}
