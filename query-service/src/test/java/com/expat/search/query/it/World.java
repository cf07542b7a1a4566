package com.expat.search.query.it;

import com.expat.search.indexer.mapping.CatalogDocuments;
import com.expat.search.indexer.mapping.MemberDocuments;
import com.expat.search.indexer.world.Catalog;
import com.expat.search.indexer.world.City;
import com.expat.search.indexer.world.Interest;
import com.expat.search.indexer.world.Member;
import com.expat.search.indexer.world.MemberProfile;
import com.expat.search.indexer.world.SpokenLanguage;
import com.expat.search.indexer.world.SpokenLanguage.Level;
import com.expat.search.testing.solr.SolrCores;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.solr.common.SolrInputDocument;

/**
 * A small world for the query-service ITs. In Berlin: Çağlar (1), the viewer of most tests;
 * Anna Müller (2); a hidden Anna (4, not searchable); Carla (6), who blocks Çağlar on her side
 * only (Çağlar's document does not know); Dan (7), Çağlar's contact; Eve (8), who shares no
 * language with Çağlar. In Potsdam (27 km): Bob (5), blocked both ways with Çağlar; Gina (10).
 * Pierre (3) and 25 fillers (100..124) in Paris; Franz (9) in Munich.
 */
final class World {
  static final long BERLIN = 2950159;
  static final long POTSDAM = 2852458;
  static final long PARIS = 2988507;
  static final long MUNICH = 2867714;

  static final Catalog CATALOG = new Catalog(
      List.of(
          new City(BERLIN, "Berlin", "Berlin", "DE", 52.52437, 13.41053, 3426354, "Europe/Berlin"),
          new City(POTSDAM, "Potsdam", "Potsdam", "DE", 52.39886, 13.06566, 159456, "Europe/Berlin"),
          new City(PARIS, "Paris", "Paris", "FR", 48.85341, 2.3488, 2138551, "Europe/Paris"),
          new City(MUNICH, "München", "Munchen", "DE", 48.13743, 11.57549, 1260391, "Europe/Berlin")),
      List.of(
          new Interest(1, "hiking", "Hiking", "outdoors"),
          new Interest(2, "chess", "Chess", "games"),
          new Interest(3, "photography", "Photography", "arts"),
          new Interest(4, "cooking", "Cooking", "food")));

  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  private World() {}

  static void index(SolrCores solr) throws Exception {
    List<SolrInputDocument> catalog = new ArrayList<>();
    CATALOG.cities().forEach(city -> catalog.add(CatalogDocuments.city(city, 1)));
    CATALOG.interests().forEach(interest -> catalog.add(CatalogDocuments.interest(interest, 1, 1)));
    solr.client().add(solr.catalog(), catalog);
    solr.client().commit(solr.catalog());

    List<MemberProfile> members = new ArrayList<>();
    members.add(profile(member(1, "Çağlar São", "Software engineer and hiker", BERLIN, "TR", true, 1),
        langs("tr", Level.NATIVE, "de", Level.FLUENT, "en", Level.FLUENT), List.of(1, 2), List.of(7L), List.of(5L)));
    members.add(profile(member(2, "Anna Müller", "Photographer, loves hiking", BERLIN, "DE", true, 2),
        langs("de", Level.NATIVE, "en", Level.FLUENT), List.of(1, 3), List.of(), List.of()));
    members.add(profile(member(3, "Pierre Dupont", "Chef", PARIS, "FR", true, 3),
        langs("fr", Level.NATIVE, "en", Level.BASIC), List.of(4), List.of(), List.of()));
    members.add(profile(member(4, "Anna Hidden", "Hiker who opted out", BERLIN, "DE", false, 1),
        langs("de", Level.NATIVE, "en", Level.FLUENT), List.of(1, 2), List.of(), List.of()));
    members.add(profile(member(5, "Bob Blocker", "Chess and hiking", POTSDAM, "US", true, 1),
        langs("en", Level.NATIVE, "de", Level.BASIC), List.of(1, 2), List.of(), List.of(1L)));
    members.add(profile(member(6, "Carla Stale", "Hiking in Brandenburg", BERLIN, "IT", true, 1),
        langs("it", Level.NATIVE, "de", Level.FLUENT), List.of(1), List.of(), List.of(1L)));
    members.add(profile(member(7, "Dan Contact", "Hiking guide", BERLIN, "GB", true, 1),
        langs("en", Level.NATIVE), List.of(1), List.of(1L), List.of()));
    members.add(profile(member(8, "Eve Nolang", "Hiking fan", BERLIN, "ES", true, 1),
        langs("es", Level.NATIVE), List.of(1), List.of(), List.of()));
    members.add(profile(member(9, "Franz Bauer", "Hiking in the Alps", MUNICH, "DE", true, 1),
        langs("de", Level.NATIVE), List.of(1), List.of(), List.of()));
    members.add(profile(member(10, "Gina Rossi", "Chess player", POTSDAM, "IT", true, 40),
        langs("it", Level.NATIVE, "en", Level.FLUENT), List.of(2), List.of(), List.of()));
    for (int i = 0; i < 25; i++) {
      members.add(profile(member(100 + i, "Filler Person " + i, "Bonjour", PARIS, "FR", true, i),
          langs("fr", Level.NATIVE), List.of(4), List.of(), List.of()));
    }
    List<SolrInputDocument> docs = new ArrayList<>();
    members.forEach(profile -> docs.add(MemberDocuments.document(profile, CATALOG)));
    solr.client().add(solr.members(), docs);
    solr.client().commit(solr.members());
  }

  /**
   * Changes as the indexer would write them after the world is indexed (version 2): Zelda (500),
   * a new German-speaking hiker in Berlin, one of Çağlar's matches from then on; Gina (10) no
   * longer searchable, gone from them.
   */
  static List<SolrInputDocument> laterChanges() {
    return List.of(
        MemberDocuments.document(profile(member(500, "Zelda Newcomer", "Hiking every weekend", BERLIN, "AT", true, 1, 2),
            langs("de", Level.NATIVE), List.of(1), List.of(), List.of()), CATALOG),
        MemberDocuments.document(profile(member(10, "Gina Rossi", "Chess player", POTSDAM, "IT", false, 40, 2),
            langs("it", Level.NATIVE, "en", Level.FLUENT), List.of(2), List.of(), List.of()), CATALOG));
  }

  private static Member member(long id, String name, String headline, long city, String origin,
      boolean searchable, int daysSinceActive) {
    return member(id, name, headline, city, origin, searchable, daysSinceActive, 1);
  }

  private static Member member(long id, String name, String headline, long city, String origin,
      boolean searchable, int daysSinceActive, long version) {
    return new Member(id, name, headline, null, null, city, origin, Member.Membership.BASIC,
        searchable, Member.Status.ACTIVE, true, NOW.minus(daysSinceActive, ChronoUnit.DAYS),
        NOW.minus(400, ChronoUnit.DAYS), NOW, version);
  }

  private static MemberProfile profile(Member member, List<SpokenLanguage> languages, List<Integer> interests,
      List<Long> contacts, List<Long> blocks) {
    return new MemberProfile(member, languages, interests, contacts, blocks);
  }

  private static List<SpokenLanguage> langs(Object... codeAndLevel) {
    List<SpokenLanguage> result = new ArrayList<>();
    for (int i = 0; i < codeAndLevel.length; i += 2) {
      result.add(new SpokenLanguage((String) codeAndLevel[i], (Level) codeAndLevel[i + 1]));
    }
    return result;
  }
}
