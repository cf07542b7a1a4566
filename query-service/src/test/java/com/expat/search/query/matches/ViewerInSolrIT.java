package com.expat.search.query.matches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.expat.search.indexer.mapping.MemberDocuments;
import com.expat.search.indexer.world.Catalog;
import com.expat.search.indexer.world.City;
import com.expat.search.indexer.world.Member;
import com.expat.search.indexer.world.MemberProfile;
import com.expat.search.indexer.world.SpokenLanguage;
import com.expat.search.query.RandomPlaces;
import com.expat.search.query.http.ProblemException;
import com.expat.search.query.members.KnownMember;
import com.expat.search.query.members.MemberDirectory;
import com.expat.search.query.members.Viewers;
import com.expat.search.query.solr.IndexQueryException;
import com.expat.search.query.solr.SolrIndex;
import com.expat.search.ranking.RankingProfiles;
import com.expat.search.ranking.solr.RankParams;
import com.expat.search.testing.solr.SolrCores;
import com.expat.search.testing.solr.SolrExtension;
import com.expat.search.vocabulary.QueryParsers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The matches rules with the viewer read inside Solr ({@link MatchRules#inSolr}, solr-config's
 * {@code RequestViewer}, {@code ViewerTerms}, {@code SharedLanguages viewer=}, {@code NearViewer})
 * keep exactly the members the same rules keep with the viewer's values written out by the service
 * ({@link MatchRules#of}, the radius from the catalog's cities), rule by rule and together, for many
 * viewers and radii on a real Solr: 300 cities, one without coordinates, members with random
 * languages (some none), contacts and blocks. A block written a moment ago (not committed) applies
 * at once, as with {@code /get}. A viewer who is no active member is reported so, for the 404.
 */
@ExtendWith(SolrExtension.class)
class ViewerInSolrIT {
  private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
  private static final List<String> LANGUAGES = List.of("de", "en", "fr", "it");

  private static SolrCores solr;
  private static SolrIndex index;
  private static String members;
  private static MemberDirectory directory;
  private static com.expat.search.query.catalog.Catalog cities;
  private static Catalog catalog;
  private static final Map<Long, MemberProfile> profiles = new HashMap<>();
  private static long lastId;

  @BeforeAll
  static void index(SolrCores cores) throws Exception {
    solr = cores;
    Random random = new Random(11);
    List<City> rows = RandomPlaces.cities(random, 300, 40, 15, -5, 30);
    catalog = new Catalog(rows, List.of());
    RandomPlaces.index(cores, catalog);

    List<SolrInputDocument> docs = new ArrayList<>();
    long id = 1;
    for (City city : rows) {
      for (int k = 0; k < 2; k++, id++) {
        MemberProfile profile = profile(id, city.id(), random.nextInt(10) > 0, languages(random),
            RandomPlaces.ids(random, 3, 602), RandomPlaces.ids(random, 2, 602));
        profiles.put(id, profile);
        docs.add(MemberDocuments.document(profile, catalog));
      }
    }
    lastId = id - 1;
    cores.client().add(cores.members(), docs);
    cores.client().commit(cores.members());

    index = new SolrIndex(cores.client());
    members = cores.members();
    directory = new MemberDirectory(index, members);
    cities = RandomPlaces.serviceCatalog(index, cores.catalog());
  }

  private static MemberProfile profile(long id, long cityId, boolean searchable, List<SpokenLanguage> languages,
      List<Long> contacts, List<Long> blocks) {
    Member member = new Member(id, "Member " + id, null, null, null, cityId, "DE", Member.Membership.BASIC,
        searchable, Member.Status.ACTIVE, false, NOW, NOW, NOW, 1);
    return new MemberProfile(member, languages, List.of(), contacts, blocks);
  }

  private static Member version(Member m, long version) {
    return new Member(m.id(), m.displayName(), m.headline(), m.bio(), m.occupation(), m.cityId(), m.originCountry(),
        m.membership(), m.searchable(), m.status(), m.hasPhoto(), m.lastActiveAt(), m.createdAt(), m.updatedAt(),
        version);
  }

  private static List<SpokenLanguage> languages(Random random) {
    List<SpokenLanguage> spoken = new ArrayList<>();
    for (String code : LANGUAGES) {
      if (random.nextInt(4) == 0) {
        spoken.add(new SpokenLanguage(code, SpokenLanguage.Level.FLUENT));
      }
    }
    return spoken;
  }

  @Test
  void eachRuleKeepsTheMembersItKeepsWithTheViewerWrittenOut() {
    int withoutLanguages = 0;
    for (long viewerId = 1; viewerId <= lastId; viewerId += 13) {
      KnownMember viewer = directory.require(viewerId, "viewer");
      withoutLanguages += viewer.languages().isEmpty() ? 1 : 0;
      for (double radius : new double[] {1, 27.5, 123.456, 400, 2000}) {
        List<MatchRules.Rule> known = MatchRules.of(viewer, radius, cities.snapshot().points());
        List<MatchRules.Rule> inSolr = MatchRules.inSolr(viewerId, radius);
        assertThat(inSolr).extracting(MatchRules.Rule::name).isEqualTo(known.stream().map(MatchRules.Rule::name).toList());
        for (int i = 0; i < known.size(); i++) {
          if (known.get(i).name().equals(MatchRules.LANGUAGE) && viewer.languages().isEmpty()) {
            assertThat(ids(List.of(inSolr.get(i)))).as("no languages, no one").isEmpty();
            continue;
          }
          assertThat(ids(List.of(inSolr.get(i)))).as("viewer %s, radius %s, rule %s", viewerId, radius, known.get(i).name())
              .isEqualTo(ids(List.of(known.get(i))));
        }
        if (!viewer.languages().isEmpty()) {
          assertThat(ids(inSolr)).as("viewer %s, radius %s, every rule", viewerId, radius).isEqualTo(ids(known));
        }
      }
    }
    assertThat(withoutLanguages).as("the sample has viewers without languages").isPositive();
  }

  @Test
  void aViewerInACityWithoutCoordinatesIsNearOnlyTheirCity() {
    long viewerId = lastId - 1; // the first of the two members of the city without coordinates
    assertThat(directory.require(viewerId, "viewer").location()).isEmpty();

    assertThat(ids(radius(MatchRules.inSolr(viewerId, 1000)))).containsExactlyInAnyOrder(lastId - 1, lastId);
  }

  @Test
  void aBlockWrittenAMomentAgoAppliesAtOnce() throws Exception {
    long viewerId = 5;
    MemberProfile before = profiles.get(viewerId);
    List<MatchRules.Rule> rules = MatchRules.inSolr(viewerId, 2000);
    Set<Long> shown = ids(rules.stream().filter(rule -> !rule.name().equals(MatchRules.LANGUAGE)).toList());
    long other = shown.stream().filter(id -> id != viewerId).findFirst().orElseThrow();
    List<Long> blocks = new ArrayList<>(before.blockedIds());
    blocks.add(other);
    try {
      // Not committed: only the update log has it, as /get sees it. A newer version, or it is stale.
      solr.client().add(members, MemberDocuments.document(new MemberProfile(version(before.member(), 2),
          before.languages(), before.interestIds(), before.contactIds(), blocks), catalog));

      assertThat(directory.require(viewerId, "viewer").blockedIds()).as("/get sees it").contains(other);
      assertThat(ids(blocked(viewerId))).doesNotContain(other);
      assertThat(ids(blocked(viewerId))).isEqualTo(ids(List.of(MatchRules.of(directory.require(viewerId, "viewer"), 2000,
          cities.snapshot().points()).get(2))));
    } finally {
      solr.client().add(members, MemberDocuments.document(new MemberProfile(version(before.member(), 3),
          before.languages(), before.interestIds(), before.contactIds(), before.blockedIds()), catalog));
      solr.client().commit(members);
    }
    assertThat(ids(blocked(viewerId))).contains(other);
  }

  @Test
  void aViewerWhoIsNoActiveMemberIsReportedSoAndKeepsEveryoneOut() {
    long unknown = 99_999;
    assertThat(ids(radius(MatchRules.inSolr(unknown, 2000)))).isEmpty();

    QueryResponse response = ranked(unknown);
    assertThatThrownBy(() -> Viewers.requireRead(response, unknown, "member")).isInstanceOf(ProblemException.class)
        .hasMessageContaining("member 99999 is not an active member")
        .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(404));
    assertThat(response.getResults()).isEmpty();
  }

  @Test
  void solrReportsWhereTheViewerLivesAsGetReadsIt() {
    long viewerId = 8;
    assertThat(Viewers.requireRead(ranked(viewerId), viewerId, "member"))
        .isEqualTo(directory.require(viewerId, "viewer").location());
  }

  @Test
  void aMalformedViewerReferenceIsABadRequestNotAServerError() {
    ModifiableSolrParams params = new ModifiableSolrParams();
    params.set("q", "*:*");
    params.add("fq", "-{!" + QueryParsers.VIEWER_TERMS + " f=id viewer=abc v=blocked_ids}");
    assertThatThrownBy(() -> index.query(members, params)).isInstanceOf(IndexQueryException.class)
        .hasMessageContaining("viewer must be a member id");
    ModifiableSolrParams near = new ModifiableSolrParams();
    near.set("q", "*:*");
    near.add("fq", "{!" + QueryParsers.NEAR + " viewer=5 d=-3}");
    assertThatThrownBy(() -> index.query(members, near)).isInstanceOf(IndexQueryException.class)
        .hasMessageContaining("d must be a distance in km");
  }

  private static QueryResponse ranked(long viewerId) {
    ModifiableSolrParams params = new ModifiableSolrParams();
    MatchRules.inSolr(viewerId, 2000).forEach(rule -> rule.addTo(params));
    params.set("q", "*:*");
    params.set("rq", "{!" + QueryParsers.MATCHES + " window=20 size=20}");
    RankParams.params(RankingProfiles.load().defaultProfile(), viewerId, null, NOW).forEach(params::set);
    params.set("fl", "id");
    return index.query(members, params);
  }

  private static List<MatchRules.Rule> radius(List<MatchRules.Rule> rules) {
    return rules.stream().filter(rule -> rule.name().equals(MatchRules.RADIUS)).toList();
  }

  private static List<MatchRules.Rule> blocked(long viewerId) {
    return MatchRules.inSolr(viewerId, 2000).stream().filter(rule -> rule.name().equals(MatchRules.BLOCKED)).toList();
  }

  private static Set<Long> ids(List<MatchRules.Rule> rules) {
    ModifiableSolrParams params = new ModifiableSolrParams();
    rules.forEach(rule -> rule.addTo(params));
    params.set("q", "*:*");
    params.set("fl", "id");
    params.set("rows", 10_000);
    return index.query(members, params).getResults().stream()
        .map(doc -> Long.parseLong(doc.getFirstValue("id").toString())).collect(Collectors.toSet());
  }
}
