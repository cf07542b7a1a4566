package com.expat.search.indexer.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.indexer.generate.WorldData.Name;
import com.expat.search.indexer.generate.WorldData.NamePool;
import com.expat.search.indexer.world.Catalog;
import com.expat.search.indexer.world.City;
import com.expat.search.indexer.world.Event;
import com.expat.search.indexer.world.EventDetails;
import com.expat.search.indexer.world.Interest;
import com.expat.search.indexer.world.Member;
import com.expat.search.indexer.world.MemberProfile;
import com.expat.search.indexer.world.Rsvp;
import com.expat.search.indexer.world.SpokenLanguage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WorldGeneratorTest {
  static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
  static final WorldSpec SPEC = new WorldSpec(20_000, 2_000, 42, NOW);

  static InMemoryWorld world;
  static List<MemberProfile> profiles;
  static Map<Long, MemberProfile> byId;
  static List<EventDetails> events;
  static Catalog catalog;

  @BeforeAll
  static void generate() {
    world = InMemoryWorld.generate(SPEC);
    profiles = world.memberProfiles();
    byId = profiles.stream().collect(Collectors.toMap(p -> p.member().id(), Function.identity()));
    events = world.eventDetails();
    catalog = world.catalog();
  }

  @Test
  void sameSeedGivesByteIdenticalWorld() {
    WorldSpec small = new WorldSpec(3_000, 300, 7, NOW);
    assertThat(digest(small)).isEqualTo(digest(small));
  }

  @Test
  void differentSeedGivesDifferentWorld() {
    assertThat(digest(new WorldSpec(3_000, 300, 7, NOW))).isNotEqualTo(digest(new WorldSpec(3_000, 300, 8, NOW)));
  }

  @Test
  void generatesTheRequestedNumberOfMembersAndEvents() {
    assertThat(profiles).hasSize(SPEC.members());
    assertThat(profiles.get(0).member().id()).isEqualTo(1);
    assertThat(profiles.get(profiles.size() - 1).member().id()).isEqualTo(SPEC.members());
    assertThat(events).hasSize(SPEC.events());
  }

  @Test
  void everyMemberSpeaksAtLeastOneLanguageAndExactlyOneNatively() {
    assertThat(profiles).allSatisfy(p -> {
      assertThat(p.languages()).isNotEmpty();
      assertThat(p.languages().stream().filter(l -> l.level() == SpokenLanguage.Level.NATIVE)).hasSize(1);
      assertThat(p.languages().stream().map(SpokenLanguage::code).distinct()).hasSameSizeAs(p.languages());
    });
  }

  @Test
  void manyMembersSpeakEnglishAndTheLocalLanguageOfTheirCity() {
    long english = profiles.stream().filter(p -> speaks(p, "en")).count();
    assertThat(english).isGreaterThan(profiles.size() * 7L / 10);
    List<MemberProfile> inBerlinFromAbroad =
        profiles.stream().filter(p -> p.member().cityId() == 2950159 && !p.member().originCountry().equals("DE")).toList();
    assertThat(inBerlinFromAbroad).hasSizeGreaterThan(100);
    long germanSpeakers = inBerlinFromAbroad.stream().filter(p -> speaks(p, "de")).count();
    assertThat(germanSpeakers).isBetween(inBerlinFromAbroad.size() / 4L, inBerlinFromAbroad.size() * 9L / 10);
  }

  @Test
  void cityDistributionIsHeavyTailed() {
    Map<Long, Long> perCity = profiles.stream().collect(Collectors.groupingBy(p -> p.member().cityId(), Collectors.counting()));
    List<Long> sizes = perCity.values().stream().sorted(Comparator.reverseOrder()).toList();
    long topTen = sizes.stream().limit(10).mapToLong(Long::longValue).sum();
    assertThat((double) topTen / profiles.size()).isBetween(0.2, 0.6);
    assertThat(sizes.stream().filter(size -> size <= 3).count()).isGreaterThan(perCity.size() / 2L);
    assertThat(perCity.size()).isGreaterThan(1_000);
    Set<Long> topCities = perCity.entrySet().stream()
        .sorted(Map.Entry.<Long, Long>comparingByValue().reversed()).limit(15).map(Map.Entry::getKey)
        .collect(Collectors.toSet());
    assertThat(topCities).contains(2643743L /* London */, 292223L /* Dubai */, 1880252L /* Singapore */);
  }

  @Test
  void everyMemberLivesInAKnownCity() {
    assertThat(profiles).allSatisfy(p -> assertThat(catalog.city(p.member().cityId())).isPresent());
  }

  @Test
  void mostMembersAreExpatsWithRealisticOrigins() {
    long locals = profiles.stream()
        .filter(p -> catalog.city(p.member().cityId()).orElseThrow().countryCode().equals(p.member().originCountry()))
        .count();
    assertThat((double) locals / profiles.size()).isBetween(0.05, 0.3);
    Map<String, Long> origins = profiles.stream().collect(Collectors.groupingBy(p -> p.member().originCountry(), Collectors.counting()));
    assertThat(origins.size()).isGreaterThan(80);
    assertThat(origins.get("GB") + origins.get("US") + origins.get("DE")).isGreaterThan(profiles.size() / 10L);
  }

  @Test
  void japaneseMembersMostlyHaveJapaneseNames() {
    assertNamesFitPool("JP", "ja");
    assertNamesFitPool("DE", "de");
    assertNamesFitPool("GR", "el");
  }

  @Test
  void someNamesAreWrittenInTheirOwnScript() {
    List<String> japanese = profiles.stream().filter(p -> p.member().originCountry().equals("JP"))
        .map(p -> p.member().displayName()).toList();
    assertThat(japanese).anyMatch(name -> name.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN));
    assertThat(japanese).anyMatch(name -> name.chars().allMatch(c -> c < 128));
    assertThat(profiles).anyMatch(p -> p.member().displayName().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC));
    assertThat(profiles).anyMatch(p -> p.member().displayName().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC));
    assertThat(profiles).anyMatch(p -> p.member().displayName().contains("ü") || p.member().displayName().contains("Ç"));
  }

  @Test
  void textsVaryInPresenceLengthAndScript() {
    assertThat(profiles).anyMatch(p -> p.member().headline() == null);
    assertThat(profiles).anyMatch(p -> "".equals(p.member().headline()));
    assertThat(profiles).anyMatch(p -> p.member().bio() == null);
    assertThat(profiles).anyMatch(p -> p.member().bio() != null && p.member().bio().length() >= 10_000);
    assertThat(profiles).anyMatch(p -> p.member().bio() != null && p.member().bio().codePoints().anyMatch(c -> c >= 0x1F300));
    assertThat(profiles).anyMatch(p -> p.member().headline() != null
        && p.member().headline().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HIRAGANA
            || Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN));
    assertThat(profiles).allSatisfy(p -> {
      Member m = p.member();
      assertThat(codePoints(m.displayName())).isBetween(1, 100);
      assertThat(codePoints(m.headline())).isLessThanOrEqualTo(200);
      assertThat(codePoints(m.occupation())).isLessThanOrEqualTo(100);
      assertThat(m.bio() == null ? 0 : m.bio().getBytes(StandardCharsets.UTF_8).length).isLessThan(65_535);
    });
  }

  @Test
  void accountFieldsAreRealisticallySkewed() {
    double premium = share(p -> p.member().membership() == Member.Membership.PREMIUM);
    double searchable = share(p -> p.member().searchable());
    double active = share(p -> p.member().status() == Member.Status.ACTIVE);
    double deleted = share(p -> p.member().status() == Member.Status.DELETED);
    double newcomers = share(p -> p.member().createdAt().isAfter(NOW.minusSeconds(30 * 86_400)));
    double activeThisWeek = share(p -> p.member().lastActiveAt().isAfter(NOW.minusSeconds(7 * 86_400)));
    assertThat(premium).isBetween(0.02, 0.15);
    assertThat(searchable).isBetween(0.8, 0.97);
    assertThat(active).isBetween(0.85, 0.97);
    assertThat(deleted).isBetween(0.005, 0.08);
    assertThat(newcomers).isBetween(0.01, 0.1);
    assertThat(activeThisWeek).isBetween(0.3, 0.8);
    assertThat(profiles).allSatisfy(p -> {
      Member m = p.member();
      assertThat(m.version()).isGreaterThanOrEqualTo(1);
      assertThat(m.createdAt()).isBeforeOrEqualTo(m.updatedAt()).isBeforeOrEqualTo(NOW);
      assertThat(m.lastActiveAt()).isAfterOrEqualTo(m.createdAt()).isBeforeOrEqualTo(NOW);
    });
  }

  @Test
  void interestTaxonomyHasAFewHundredInterestsInAboutTwentyCategories() {
    assertThat(catalog.interests()).hasSizeBetween(200, 400);
    assertThat(catalog.interests().stream().map(Interest::category).distinct().count()).isBetween(15L, 25L);
    assertThat(catalog.interests().stream().map(Interest::slug).distinct()).hasSameSizeAs(catalog.interests());
    assertThat(catalog.interests()).allSatisfy(i -> assertThat(i.slug()).matches("[a-z0-9]+(-[a-z0-9]+)*"));
  }

  @Test
  void interestPopularityIsZipfLike() {
    Map<Integer, Long> counts = profiles.stream().flatMap(p -> p.interestIds().stream())
        .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
    List<Long> sorted = counts.values().stream().sorted(Comparator.reverseOrder()).toList();
    long total = sorted.stream().mapToLong(Long::longValue).sum();
    long topTenth = sorted.stream().limit(sorted.size() / 10).mapToLong(Long::longValue).sum();
    assertThat((double) topTenth / total).isGreaterThan(0.3);
    assertThat(sorted.get(0)).isGreaterThan(10 * sorted.get(sorted.size() / 2));
    assertThat(sorted.get(sorted.size() / 2)).isGreaterThan(0);
    assertThat(profiles).anyMatch(p -> p.interestIds().isEmpty());
    assertThat(profiles).allSatisfy(p -> assertThat(p.interestIds()).doesNotHaveDuplicates().hasSizeLessThanOrEqualTo(InterestPicker.MAX));
  }

  @Test
  void interestsClusterByCategory() {
    // Members with hiking have climbing far more often than members in general.
    Interest hiking = interest("hiking");
    Interest climbing = interest("climbing");
    double overall = share(p -> p.interestIds().contains(climbing.id()));
    List<MemberProfile> hikers = profiles.stream().filter(p -> p.interestIds().contains(hiking.id())).toList();
    double amongHikers = (double) hikers.stream().filter(p -> p.interestIds().contains(climbing.id())).count() / hikers.size();
    assertThat(amongHikers).isGreaterThan(3 * overall);
  }

  @Test
  void contactsAreSymmetricDistinctAndNeverSelf() {
    long rows = 0;
    for (MemberProfile p : profiles) {
      assertThat(p.contactIds()).doesNotHaveDuplicates().doesNotContain(p.member().id());
      for (long contact : p.contactIds()) {
        assertThat(byId.get(contact).contactIds()).contains(p.member().id());
      }
      rows += p.contactIds().size();
    }
    assertThat(rows).isEqualTo(world.contactRows());
  }

  @Test
  void contactDegreesFollowAPowerLawAndStayMostlyInTheCity() {
    int[] degrees = profiles.stream().mapToInt(p -> p.contactIds().size()).sorted().toArray();
    int median = degrees[degrees.length / 2];
    int max = degrees[degrees.length - 1];
    assertThat(median).isBetween(2, 20);
    assertThat(max).isGreaterThan(10 * median);
    assertThat(degrees[0]).isZero();
    long sameCity = 0;
    long sameOrigin = 0;
    long total = 0;
    for (MemberProfile p : profiles) {
      for (long contact : p.contactIds()) {
        Member other = byId.get(contact).member();
        sameCity += other.cityId() == p.member().cityId() ? 1 : 0;
        sameOrigin += other.originCountry().equals(p.member().originCountry()) ? 1 : 0;
        total++;
      }
    }
    assertThat((double) sameCity / total).isGreaterThan(0.6);
    assertThat((double) sameOrigin / total).isGreaterThan(0.2);
  }

  @Test
  void blocksAreFewAndNeverOfOneselfOrAContact() {
    assertThat(world.blockRows()).isBetween(1L, (long) (profiles.size() * 0.01));
    assertThat(profiles).allSatisfy(p -> {
      assertThat(p.blockedIds()).doesNotContain(p.member().id());
      assertThat(p.blockedIds()).noneMatch(p.contactIds()::contains);
    });
  }

  @Test
  void noEventIsHostedOutsideItsHostsCity() {
    assertThat(events).allSatisfy(d -> {
      Member host = byId.get(d.event().hostMemberId()).member();
      assertThat(d.event().cityId()).isEqualTo(host.cityId());
      assertThat(host.status()).isEqualTo(Member.Status.ACTIVE);
    });
  }

  @Test
  void eventsSpanThePastAndTheFutureAndAreMostlyPublished() {
    assertThat(events).allSatisfy(d -> {
      Event e = d.event();
      assertThat(e.startsAt()).isBetween(NOW.minusSeconds(92L * 86_400), NOW.plusSeconds(122L * 86_400));
      assertThat(e.endsAt()).isAfter(e.startsAt());
      assertThat(e.createdAt()).isBeforeOrEqualTo(e.updatedAt()).isBeforeOrEqualTo(NOW);
      assertThat(d.interestIds()).isNotEmpty().doesNotHaveDuplicates();
      assertThat(e.version()).isGreaterThanOrEqualTo(1);
      assertThat(codePoints(e.title())).isBetween(1, 200);
      if (e.latitude() != null) {
        City city = catalog.city(e.cityId()).orElseThrow();
        assertThat(Math.abs(e.latitude() - city.latitude())).isLessThan(0.2);
      }
    });
    assertThat(events).anyMatch(d -> d.event().startsAt().isBefore(NOW));
    assertThat(events).anyMatch(d -> d.event().startsAt().isAfter(NOW));
    assertThat(events).anyMatch(d -> d.event().capacity() == null);
    assertThat(events).anyMatch(d -> d.event().status() == Event.Status.DRAFT);
    assertThat(events).anyMatch(d -> d.event().status() == Event.Status.CANCELLED);
    assertThat(events).anyMatch(d -> d.event().latitude() != null);
    assertThat(events.stream().filter(d -> d.event().status() == Event.Status.PUBLISHED).count()).isGreaterThan(events.size() * 3L / 4);
    assertThat(events.stream().map(d -> d.event().language()).distinct().count()).isGreaterThan(5);
  }

  @Test
  void rsvpsRespectCapacityAndComeFromActiveMembersOfTheCity() {
    for (EventDetails d : events) {
      Event e = d.event();
      if (e.capacity() != null) {
        assertThat(d.goingIds()).hasSizeLessThanOrEqualTo(e.capacity());
      }
      if (e.status() == Event.Status.DRAFT) {
        assertThat(d.goingIds()).isEmpty();
        assertThat(d.interestedIds()).isEmpty();
      }
      Set<Long> attendees = new HashSet<>(d.goingIds());
      attendees.addAll(d.interestedIds());
      assertThat(attendees).hasSize(d.goingIds().size() + d.interestedIds().size()).doesNotContain(e.hostMemberId());
      for (long id : attendees) {
        Member m = byId.get(id).member();
        assertThat(m.status()).isEqualTo(Member.Status.ACTIVE);
      }
    }
    long inCity = 0;
    long all = 0;
    for (EventDetails d : events) {
      for (long id : d.goingIds()) {
        inCity += byId.get(id).member().cityId() == d.event().cityId() ? 1 : 0;
        all++;
      }
    }
    assertThat((double) inCity / all).isGreaterThan(0.8);
  }

  @Test
  void eventPopularityIsHeavyTailed() {
    int[] sizes = events.stream().filter(d -> d.event().status() != Event.Status.DRAFT)
        .mapToInt(d -> d.goingIds().size() + d.interestedIds().size()).sorted().toArray();
    int median = sizes[sizes.length / 2];
    assertThat(sizes[sizes.length - 1]).isGreaterThan(10 * Math.max(1, median));
  }

  @Test
  void rsvpsAreMadeBetweenTheEventsCreationAndItsStart() {
    RecordingSink sink = new RecordingSink();
    new WorldGenerator(new WorldSpec(2_000, 300, 3, NOW)).generate(sink);
    Map<Long, Event> eventsById = new HashMap<>();
    sink.events.forEach(e -> eventsById.put(e.id(), e));
    assertThat(sink.rsvps).isNotEmpty().allSatisfy(r -> {
      Event e = eventsById.get(r.eventId());
      assertThat(r.createdAt()).isAfterOrEqualTo(e.createdAt()).isBeforeOrEqualTo(NOW);
      assertThat(r.createdAt()).isBeforeOrEqualTo(e.startsAt());
    });
  }

  @Test
  void aTinyWorldStillWorks() {
    InMemoryWorld tiny = InMemoryWorld.generate(new WorldSpec(1, 1, 1, NOW));
    assertThat(tiny.memberProfiles()).hasSize(1);
    assertThat(tiny.memberProfiles().get(0).contactIds()).isEmpty();
    InMemoryWorld empty = InMemoryWorld.generate(new WorldSpec(0, 0, 1, NOW));
    assertThat(empty.memberProfiles()).isEmpty();
    assertThat(empty.catalog().cities()).hasSizeGreaterThan(5_000);
  }

  private static void assertNamesFitPool(String origin, String poolKey) {
    NamePool pool = WorldData.get().namePools.get(poolKey);
    Set<String> firstNames = new HashSet<>();
    for (Name name : pool.first()) {
      firstNames.add(name.script());
      firstNames.add(name.latin());
    }
    Set<String> lastNames = new HashSet<>();
    for (Name name : pool.last()) {
      lastNames.add(name.script());
      lastNames.add(name.latin());
    }
    List<String> names = profiles.stream().filter(p -> p.member().originCountry().equals(origin))
        .map(p -> p.member().displayName()).toList();
    assertThat(names).hasSizeGreaterThan(20);
    long fitting = names.stream().filter(name -> fits(name, firstNames, lastNames)).count();
    assertThat((double) fitting / names.size()).as("share of %s names from pool %s", origin, poolKey).isGreaterThan(0.85);
  }

  private static boolean fits(String displayName, Set<String> firstNames, Set<String> lastNames) {
    for (String first : firstNames) {
      if (displayName.startsWith(first) || displayName.contains(" " + first)) {
        return true;
      }
    }
    for (String last : lastNames) {
      if (displayName.startsWith(last)) {
        return true;
      }
    }
    return false;
  }

  private static boolean speaks(MemberProfile profile, String language) {
    return profile.languages().stream().anyMatch(l -> l.code().equals(language));
  }

  private static double share(java.util.function.Predicate<MemberProfile> predicate) {
    return (double) profiles.stream().filter(predicate).count() / profiles.size();
  }

  private static int codePoints(String text) {
    return text == null ? 0 : text.codePointCount(0, text.length());
  }

  private static Interest interest(String slug) {
    return catalog.interests().stream().filter(i -> i.slug().equals(slug)).findFirst().orElseThrow();
  }

  private static String digest(WorldSpec spec) {
    RecordingSink sink = new DigestSink();
    new WorldGenerator(spec).generate(sink);
    return ((DigestSink) sink).hex();
  }

  /** Keeps events and RSVPs for checks across rows. */
  static class RecordingSink implements WorldSink {
    final List<Event> events = new java.util.ArrayList<>();
    final List<Rsvp> rsvps = new java.util.ArrayList<>();

    @Override public void catalog(List<City> cities, List<Interest> interests) {}
    @Override public void member(Member member, List<SpokenLanguage> languages, List<Integer> interestIds) {}
    @Override public void contact(long memberId, long contactId, Instant createdAt) {}
    @Override public void block(long memberId, long blockedId, Instant createdAt) {}
    @Override public void event(Event event, List<Integer> interestIds) { events.add(event); }
    @Override public void rsvp(Rsvp rsvp) { rsvps.add(rsvp); }
  }

  /** Hashes every row passed in, in order: equal digests mean identical worlds. */
  static final class DigestSink extends RecordingSink {
    private final MessageDigest sha;

    DigestSink() {
      try {
        sha = MessageDigest.getInstance("SHA-256");
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    private void add(Object... values) {
      for (Object value : values) {
        sha.update(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
    }

    @Override public void catalog(List<City> cities, List<Interest> interests) { add(cities, interests); }
    @Override public void member(Member member, List<SpokenLanguage> languages, List<Integer> interestIds) { add(member, languages, interestIds); }
    @Override public void contact(long memberId, long contactId, Instant createdAt) { add(memberId, contactId, createdAt); }
    @Override public void block(long memberId, long blockedId, Instant createdAt) { add("block", memberId, blockedId, createdAt); }
    @Override public void event(Event event, List<Integer> interestIds) { add(event, interestIds); }
    @Override public void rsvp(Rsvp rsvp) { add(rsvp); }

    String hex() {
      return HexFormat.of().formatHex(sha.digest());
    }
  }
}
