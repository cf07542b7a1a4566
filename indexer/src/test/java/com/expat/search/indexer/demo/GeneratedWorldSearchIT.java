package com.expat.search.indexer.demo;

import static com.expat.search.vocabulary.MemberFields.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.indexer.generate.InMemoryWorld;
import com.expat.search.indexer.generate.WorldSpec;
import com.expat.search.indexer.mapping.MemberDocuments;
import com.expat.search.indexer.solr.SolrIndexAdmin;
import com.expat.search.indexer.solr.SolrSearchIndex;
import com.expat.search.indexer.world.City;
import com.expat.search.indexer.world.MemberProfile;
import com.expat.search.indexer.world.SpokenLanguage;
import com.expat.search.testing.solr.SolrCores;
import com.expat.search.testing.solr.SolrExtension;
import com.expat.search.vocabulary.Earth;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.text.Normalizer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.response.FacetField;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A generated world indexed into a real Solr through the demo loader, then searched. The
 * in-memory world is the oracle: what Solr answers must be what the rows say.
 */
@ExtendWith(SolrExtension.class)
class GeneratedWorldSearchIT {
  static final WorldSpec SPEC = new WorldSpec(3_000, 200, 5, Instant.parse("2026-11-01T00:00:00Z"));
  static final long BERLIN = 2950159;

  static InMemoryWorld world;
  static List<MemberProfile> indexed;

  @BeforeAll
  static void indexTheWorld(SolrCores solr) {
    world = InMemoryWorld.generate(SPEC);
    indexed = world.memberProfiles().stream().filter(p -> MemberDocuments.isIndexed(p.member())).toList();
    new DemoWorldLoader(new SolrSearchIndex(solr.client()), new SolrIndexAdmin(solr.client()), solr.members(), solr.events(), solr.catalog())
        .load(SPEC, false, new PrintStream(new ByteArrayOutputStream(), true));
  }

  @Test
  void accentedNamesAreFoundByTheirPlainAsciiSpelling(SolrCores solr) throws Exception {
    MemberProfile accented = first(p -> !fold(p.member().displayName()).equals(p.member().displayName().toLowerCase()) && isLatin(p.member().displayName()));

    String plain = fold(accented.member().displayName()).toUpperCase();
    assertThat(ids(solr, DISPLAY_NAME, plain)).contains(accented.member().id());
  }

  @Test
  void namesInNonLatinScriptsAreFoundInTheirScript(SolrCores solr) throws Exception {
    for (Character.UnicodeScript script :
        List.of(Character.UnicodeScript.HAN, Character.UnicodeScript.CYRILLIC, Character.UnicodeScript.ARABIC)) {
      Optional<MemberProfile> member =
          indexed.stream().filter(p -> inScript(p.member().displayName(), script)).findFirst();
      assertThat(member).as("a member named in %s in the generated world", script).isPresent();

      assertThat(ids(solr, DISPLAY_NAME, member.get().member().displayName()))
          .as("%s", member.get().member().displayName())
          .contains(member.get().member().id());
    }
  }

  @Test
  void radiusSearchFindsExactlyTheMembersOfCitiesWithinIt(SolrCores solr) throws Exception {
    City berlin = world.catalog().city(BERLIN).orElseThrow();
    double radiusKm = 60;
    // Cities within half a kilometre of the edge may fall either way of Solr's own rounding.
    long surelyInside = membersWithin(berlin, radiusKm - 0.5);
    long possiblyInside = membersWithin(berlin, radiusKm + 0.5);

    SolrQuery query = new SolrQuery("*:*").setRows(0);
    query.addFilterQuery("{!geofilt sfield=" + LOCATION + " pt=" + berlin.latitude() + "," + berlin.longitude() + " d=" + radiusKm + "}");
    long found = solr.client().query(solr.members(), query).getResults().getNumFound();

    assertThat(surelyInside).as("members near Berlin in the generated world").isPositive();
    assertThat(found).isBetween(surelyInside, possiblyInside);
  }

  private static long membersWithin(City center, double km) {
    return indexed.stream()
        .map(p -> world.catalog().city(p.member().cityId()))
        .filter(city -> city.isPresent() && km(center, city.get()) <= km)
        .count();
  }

  @Test
  void languageFacetCountsEqualWhatTheRowsSay(SolrCores solr) throws Exception {
    Map<String, Long> expected =
        indexed.stream()
            .filter(p -> p.member().searchable())
            .flatMap(p -> p.languages().stream().map(SpokenLanguage::code).map(String::toLowerCase).distinct())
            .collect(Collectors.groupingBy(code -> code, TreeMap::new, Collectors.counting()));

    SolrQuery query = new SolrQuery("*:*").setRows(0).addFilterQuery(SEARCHABLE + ":true");
    query.setFacet(true).addFacetField(LANGUAGES).setFacetLimit(-1).setFacetMinCount(1);
    QueryResponse response = solr.client().query(solr.members(), query);
    Map<String, Long> counted = new TreeMap<>();
    for (FacetField.Count count : response.getFacetField(LANGUAGES).getValues()) {
      counted.put(count.getName(), count.getCount());
    }

    assertThat(counted).isEqualTo(expected);
  }

  @Test
  void nonSearchableMembersAreIndexedButFilteredBySearchable(SolrCores solr) throws Exception {
    long hidden = indexed.stream().filter(p -> !p.member().searchable()).count();
    SolrQuery query = new SolrQuery("*:*").setRows(0).addFilterQuery(SEARCHABLE + ":false");

    assertThat(hidden).as("the world has members who opted out").isPositive();
    assertThat(solr.client().query(solr.members(), query).getResults().getNumFound()).isEqualTo(hidden);
  }

  private static List<Long> ids(SolrCores solr, String field, String text) throws Exception {
    SolrQuery query = new SolrQuery("{!edismax qf=" + field + " v=$text mm=100%}").setRows(100).setFields(ID);
    query.set("text", text);
    return solr.client().query(solr.members(), query).getResults().stream()
        .map(SolrDocument.class::cast)
        .map(doc -> Long.parseLong((String) doc.getFieldValue(ID)))
        .toList();
  }

  private static MemberProfile first(Predicate<MemberProfile> predicate) {
    return indexed.stream().filter(predicate).findFirst().orElseThrow(() -> new AssertionError("no such member in the world"));
  }

  private static boolean isLatin(String text) {
    return text.codePoints().filter(Character::isLetter).allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN);
  }

  private static boolean inScript(String text, Character.UnicodeScript script) {
    return text != null && text.codePoints().filter(Character::isLetter).anyMatch(c -> Character.UnicodeScript.of(c) == script);
  }

  private static String fold(String text) {
    return Normalizer.normalize(text.replace("ı", "i").replace("ł", "l").replace("ø", "o").replace("ß", "ss"), Normalizer.Form.NFD)
        .replaceAll("\\p{M}+", "")
        .toLowerCase();
  }

  private static double km(City a, City b) {
    return Earth.distanceKm(a.latitude(), a.longitude(), b.latitude(), b.longitude());
  }
}
