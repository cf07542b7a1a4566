package com.expat.search.bench.load;

import com.expat.search.indexer.generate.InMemoryWorld;
import com.expat.search.indexer.world.City;
import com.expat.search.indexer.world.Interest;
import com.expat.search.indexer.world.Member;
import com.expat.search.indexer.world.MemberProfile;
import com.expat.search.indexer.world.SpokenLanguage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A realistic query mix drawn from a generated world: what the website would send. Cities are
 * drawn in proportion to the world's own members per city; interests and languages by Zipf over
 * their popularity rank in the world; members (viewers, "matches for", "events for") by Zipf over
 * recent activity, so active members ask more; free text from words of real names, occupations
 * and headlines; page 1 four times in five, else 2..5; facets on one search in seven.
 *
 * Event search goes by city or point, interest or text, as a visitor would.
 *
 * <p>Shares, by endpoint: member search 45 %, matches 25 %, member events 15 %, event search 10 %,
 * suggest 5 %. Deterministic for a world and a seed. Not thread-safe.
 */
public final class MixGenerator {
  private final SplittableRandom random;
  private final List<Member> active;
  private final Zipf activity;
  private final List<City> cities;
  private final Zipf cityByMembers;
  private final List<String> interests;
  private final Zipf interestByRank;
  private final List<String> languages;
  private final Zipf languageByRank;
  private final List<String> origins;
  private final Zipf originByRank;
  private final List<String> words;
  private final List<String> interestNames;

  public MixGenerator(InMemoryWorld world, long seed) {
    this.random = new SplittableRandom(seed ^ 0x6d69782d6c6f6164L);
    Map<Long, City> cityById = new HashMap<>();
    world.catalog().cities().forEach(city -> cityById.put(city.id(), city));
    Map<Integer, Interest> interestById = new HashMap<>();
    world.catalog().interests().forEach(interest -> interestById.put(interest.id(), interest));

    List<MemberProfile> profiles = world.memberProfiles();
    Map<Long, Integer> membersPerCity = new LinkedHashMap<>();
    Map<String, Integer> interestCounts = new HashMap<>();
    Map<String, Integer> languageCounts = new HashMap<>();
    Map<String, Integer> originCounts = new HashMap<>();
    List<String> wordPool = new ArrayList<>();
    List<Member> activeMembers = new ArrayList<>();
    for (MemberProfile profile : profiles) {
      Member member = profile.member();
      if (member.status() != Member.Status.ACTIVE) {
        continue;
      }
      activeMembers.add(member);
      if (!member.searchable()) {
        continue;
      }
      if (cityById.containsKey(member.cityId())) {
        membersPerCity.merge(member.cityId(), 1, Integer::sum);
      }
      for (int id : profile.interestIds()) {
        Interest interest = interestById.get(id);
        if (interest != null) {
          interestCounts.merge(interest.slug(), 1, Integer::sum);
        }
      }
      for (SpokenLanguage language : profile.languages()) {
        languageCounts.merge(language.code(), 1, Integer::sum);
      }
      originCounts.merge(member.originCountry(), 1, Integer::sum);
      addWords(wordPool, member.occupation(), 3);
      addWords(wordPool, member.headline(), 4);
      if (member.displayName() != null && !member.displayName().isBlank()) {
        wordPool.add(member.displayName().strip().split("\\s+")[0]);
      }
    }
    if (activeMembers.isEmpty() || membersPerCity.isEmpty()) {
      throw new IllegalArgumentException("the world has no active, searchable members in known cities");
    }
    activeMembers.sort(Comparator.comparing(Member::lastActiveAt).reversed().thenComparing(Member::id));
    this.active = List.copyOf(activeMembers);
    this.activity = Zipf.ranks(active.size(), 1.0);
    this.cities = membersPerCity.keySet().stream().map(cityById::get).toList();
    this.cityByMembers = Zipf.weighted(membersPerCity.values().stream().mapToDouble(Integer::doubleValue).toArray());
    this.interests = byCountDescending(interestCounts);
    this.interestByRank = Zipf.ranks(Math.max(1, interests.size()), 1.0);
    this.languages = byCountDescending(languageCounts);
    this.languageByRank = Zipf.ranks(Math.max(1, languages.size()), 1.2);
    this.origins = byCountDescending(originCounts);
    this.originByRank = Zipf.ranks(Math.max(1, origins.size()), 1.0);
    this.words = wordPool.isEmpty() ? List.of("engineer") : List.copyOf(wordPool);
    this.interestNames =
        world.catalog().interests().stream().map(Interest::name).sorted().toList();
    if (interests.isEmpty() || languages.isEmpty()) {
      throw new IllegalArgumentException("the world's members have no interests or languages");
    }
  }

  private static void addWords(List<String> pool, String text, int minLength) {
    if (text == null) {
      return;
    }
    for (String word : text.split("[\\s,.;:!?()\"/]+")) {
      int length = word.codePointCount(0, word.length());
      if (length >= minLength && length <= 24 && word.chars().anyMatch(Character::isLetter)) {
        pool.add(word);
      }
    }
  }

  private static List<String> byCountDescending(Map<String, Integer> counts) {
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey)
        .toList();
  }

  /** {@code count} requests. */
  public List<LoadRequest> generate(int count) {
    if (count < 1 || count > 10_000_000) {
      throw new IllegalArgumentException("count = " + count + ", expected 1..10000000");
    }
    List<LoadRequest> requests = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      requests.add(next());
    }
    return requests;
  }

  LoadRequest next() {
    double r = random.nextDouble();
    if (r < 0.45) {
      return memberSearch();
    } else if (r < 0.70) {
      return new LoadRequest("matches", "/v1/members/" + activeMember().id() + "/matches" + paging("?"));
    } else if (r < 0.85) {
      return new LoadRequest("member_events", "/v1/members/" + activeMember().id() + "/events" + paging("?"));
    } else if (r < 0.95) {
      return eventSearch();
    }
    return suggest();
  }

  private LoadRequest memberSearch() {
    Query query = new Query();
    double variant = random.nextDouble();
    City city = city();
    boolean located = true;
    if (variant < 0.30) {
      query.add("city", city.id()).add("interest", interest());
      if (random.nextDouble() < 0.3) {
        query.add("interest", interest());
      }
    } else if (variant < 0.55) {
      query.add("q", text());
      located = false;
    } else if (variant < 0.70) {
      query.add("q", text()).add("city", city.id());
    } else if (variant < 0.85) {
      query.add("city", city.id()).add("lang", language());
    } else if (variant < 0.95) {
      query.add("near", String.format(Locale.ROOT, "%.4f,%.4f", city.latitude(), city.longitude()))
          .add("radius_km", new int[] {10, 25, 50, 100}[random.nextInt(4)])
          .add("interest", interest());
    } else {
      query.add("city", city.id()).add("origin", origins.get(originByRank.next(random)));
    }
    if (random.nextDouble() < 0.3) {
      query.add("viewer", activeMember().id());
    }
    double sort = random.nextDouble();
    if (sort < 0.10) {
      query.add("sort", "recent");
    } else if (sort < 0.15 && located) {
      query.add("sort", "distance");
    }
    if (random.nextDouble() < 1.0 / 7) {
      query.add("facets", "true");
    }
    return new LoadRequest("member_search", "/v1/members/search" + query + paging(query.isEmpty() ? "?" : "&"));
  }

  private LoadRequest eventSearch() {
    Query query = new Query();
    City city = city();
    if (random.nextDouble() < 0.5) {
      query.add("city", city.id());
    } else {
      query.add("near", String.format(Locale.ROOT, "%.4f,%.4f", city.latitude(), city.longitude()))
          .add("radius_km", new int[] {25, 50, 100}[random.nextInt(3)]);
    }
    if (random.nextDouble() < 0.6) {
      query.add("interest", interest());
    } else {
      query.add("q", words.get(random.nextInt(words.size())));
    }
    if (random.nextDouble() < 0.3) {
      query.add("lang", language());
    }
    if (random.nextDouble() < 0.3) {
      query.add("sort", "date");
    }
    return new LoadRequest("event_search", "/v1/events/search" + query + paging("&"));
  }

  private LoadRequest suggest() {
    String source = random.nextDouble() < 0.6 ? city().name() : interestNames.get(random.nextInt(interestNames.size()));
    int length = Math.min(source.length(), 2 + random.nextInt(3));
    return new LoadRequest("suggest", "/v1/suggest" + new Query().add("q", source.substring(0, length)));
  }

  private String paging(String separator) {
    return random.nextDouble() < 0.8 ? "" : separator + "page=" + (2 + random.nextInt(4));
  }

  private Member activeMember() {
    return active.get(activity.next(random));
  }

  private City city() {
    return cities.get(cityByMembers.next(random));
  }

  private String interest() {
    return interests.get(interestByRank.next(random));
  }

  private String language() {
    return languages.get(languageByRank.next(random));
  }

  private String text() {
    String first = words.get(random.nextInt(words.size()));
    return random.nextDouble() < 0.25 ? first + " " + words.get(random.nextInt(words.size())) : first;
  }

  /** A query string under construction. */
  private static final class Query {
    private final StringBuilder text = new StringBuilder();

    Query add(String name, Object value) {
      text.append(text.length() == 0 ? '?' : '&')
          .append(name)
          .append('=')
          .append(URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
      return this;
    }

    boolean isEmpty() {
      return text.length() == 0;
    }

    @Override
    public String toString() {
      return text.toString();
    }
  }
}
