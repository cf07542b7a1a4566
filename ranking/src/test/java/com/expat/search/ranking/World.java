package com.expat.search.ranking;

import com.expat.search.ranking.signals.Corpus;
import com.expat.search.ranking.signals.EventSignals;
import com.expat.search.ranking.signals.LanguageLevel;
import com.expat.search.ranking.signals.LatLon;
import com.expat.search.ranking.signals.MemberSignals;
import com.expat.search.ranking.signals.Viewer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.random.RandomGenerator;

/** Hand-built places, members and events for tests; builders are mutable, so vary one thing. */
public final class World {
  public static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
  public static final LatLon MUNICH = new LatLon(48.137, 11.575);
  /** About 2 km north of {@link #MUNICH}. */
  public static final LatLon SCHWABING = new LatLon(48.155, 11.575);
  public static final LatLon AUGSBURG = new LatLon(48.371, 10.898);
  public static final LatLon SYDNEY = new LatLon(-33.869, 151.209);

  /** Interests and how many of 10,000 members have them. */
  public static final Map<String, Long> INTEREST_COUNTS = Map.of(
      "hiking", 5000L, "cooking", 4000L, "golf", 2000L, "photography", 3000L,
      "climbing", 500L, "jazz", 500L, "chess", 300L, "sailing", 200L, "go", 20L, "falconry", 5L);
  public static final List<String> INTERESTS = List.copyOf(new TreeSet<>(INTEREST_COUNTS.keySet()));
  public static final Corpus CORPUS = Corpus.of(10_000, INTEREST_COUNTS);
  public static final List<String> LANGUAGES = List.of("de", "en", "es", "fr", "ja", "it");
  public static final List<String> ORIGINS = List.of("DE", "FR", "ES", "US", "JP", "IT", "IN", "BR");

  private static RankingProfiles profiles;

  private World() {}

  public static synchronized RankingProfiles profiles() {
    if (profiles == null) {
      profiles = RankingProfiles.load();
    }
    return profiles;
  }

  public static RankingProfile defaultProfile() {
    return profiles().defaultProfile();
  }

  public static MemberBuilder member(long id) {
    return new MemberBuilder(id);
  }

  public static EventBuilder event(long id) {
    return new EventBuilder(id);
  }

  /** A point {@code km} north of {@code from}. */
  public static LatLon north(LatLon from, double km) {
    return new LatLon(from.latitude() + km / 111.2, from.longitude());
  }

  public static MemberBuilder randomMember(long id, RandomGenerator random) {
    MemberBuilder member = member(id)
        .at(new LatLon(MUNICH.latitude() + random.nextDouble(-0.5, 0.5), MUNICH.longitude() + random.nextDouble(-0.7, 0.7)))
        .origin(ORIGINS.get(random.nextInt(ORIGINS.size())))
        .activeAgo(Duration.ofMinutes(random.nextLong(0, 200L * 24 * 60)))
        .joinedAgo(Duration.ofMinutes(random.nextLong(0, 900L * 24 * 60)))
        .quality(random.nextInt(11) / 10.0);
    member.languages.clear();
    int languages = 1 + random.nextInt(3);
    for (int i = 0; i < languages; i++) {
      member.speaks(LANGUAGES.get(random.nextInt(LANGUAGES.size())),
          LanguageLevel.values()[random.nextInt(LanguageLevel.values().length)]);
    }
    int interests = random.nextInt(6);
    for (int i = 0; i < interests; i++) {
      member.likes(INTERESTS.get(random.nextInt(INTERESTS.size())));
    }
    if (random.nextInt(10) == 0) {
      member.at(null);
    }
    return member;
  }

  public static Viewer randomViewer(RandomGenerator random) {
    MemberSignals me = randomMember(1, random).at(MUNICH).build();
    Set<Long> contacts = new HashSet<>();
    for (int i = 0, n = random.nextInt(6); i < n; i++) {
      contacts.add(100L + random.nextInt(20));
    }
    return Viewer.of(me, contacts);
  }

  public static EventBuilder randomEvent(long id, RandomGenerator random) {
    EventBuilder event = event(id)
        .at(new LatLon(MUNICH.latitude() + random.nextDouble(-0.5, 0.5), MUNICH.longitude() + random.nextDouble(-0.7, 0.7)))
        .startsIn(Duration.ofMinutes(random.nextLong(1, 60L * 24 * 60)))
        .language(LANGUAGES.get(random.nextInt(LANGUAGES.size())))
        .going(random.nextInt(80));
    if (random.nextBoolean()) {
      event.capacity(event.going + random.nextInt(-5, 40));
    }
    for (int i = 0, n = random.nextInt(4); i < n; i++) {
      event.interests.add(INTERESTS.get(random.nextInt(INTERESTS.size())));
    }
    for (int i = 0, n = random.nextInt(5); i < n; i++) {
      event.goingIds.add(100L + random.nextInt(40));
    }
    return event;
  }

  public static final class MemberBuilder {
    private final long id;
    private LatLon location = MUNICH;
    private String city = "Munich";
    private String origin = "DE";
    final Map<String, LanguageLevel> languages = new HashMap<>(Map.of("en", LanguageLevel.FLUENT));
    final Set<String> interests = new HashSet<>();
    private Instant lastActive = NOW.minus(Duration.ofDays(2));
    private Instant created = NOW.minus(Duration.ofDays(400));
    private double quality = 0.5;

    MemberBuilder(long id) {
      this.id = id;
    }

    public MemberBuilder at(LatLon where) {
      location = where;
      return this;
    }

    public MemberBuilder city(String name) {
      city = name;
      return this;
    }

    public MemberBuilder origin(String country) {
      origin = country;
      return this;
    }

    /** Replaces the default English with only what is given from now on. */
    public MemberBuilder speaksOnly(String code, LanguageLevel level) {
      languages.clear();
      return speaks(code, level);
    }

    public MemberBuilder speaks(String code, LanguageLevel level) {
      languages.put(code, level);
      return this;
    }

    public MemberBuilder likes(String... slugs) {
      interests.addAll(List.of(slugs));
      return this;
    }

    /** Replaces the interests with {@code slugs}. */
    public MemberBuilder likesOnly(String... slugs) {
      interests.clear();
      return likes(slugs);
    }

    public MemberBuilder activeAgo(Duration ago) {
      lastActive = NOW.minus(ago);
      return this;
    }

    public MemberBuilder joinedAgo(Duration ago) {
      created = NOW.minus(ago);
      return this;
    }

    public MemberBuilder quality(double value) {
      quality = value;
      return this;
    }

    public MemberSignals build() {
      return new MemberSignals(id, location, 2867714, city, origin, languages, interests, lastActive, created, quality);
    }
  }

  public static final class EventBuilder {
    private final long id;
    private Instant starts = NOW.plus(Duration.ofDays(3));
    private Duration length = Duration.ofHours(3);
    private LatLon location = MUNICH;
    private String language = "en";
    final Set<String> interests = new HashSet<>();
    int going = 10;
    private Integer capacity;
    final Set<Long> goingIds = new HashSet<>();

    EventBuilder(long id) {
      this.id = id;
    }

    public EventBuilder startsIn(Duration ahead) {
      starts = NOW.plus(ahead);
      return this;
    }

    public EventBuilder lasting(Duration duration) {
      length = duration;
      return this;
    }

    public EventBuilder at(LatLon where) {
      location = where;
      return this;
    }

    public EventBuilder language(String code) {
      language = code;
      return this;
    }

    public EventBuilder about(String... slugs) {
      interests.addAll(List.of(slugs));
      return this;
    }

    public EventBuilder going(int count) {
      going = count;
      return this;
    }

    public EventBuilder capacity(Integer places) {
      capacity = places == null ? null : Math.max(0, places);
      return this;
    }

    public EventBuilder attendedBy(Long... ids) {
      goingIds.addAll(List.of(ids));
      return this;
    }

    public EventSignals build() {
      return new EventSignals(id, starts, starts.plus(length), location, "Munich", language, interests, going, capacity,
          goingIds);
    }
  }
}
