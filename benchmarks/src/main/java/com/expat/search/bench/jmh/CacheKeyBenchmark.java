package com.expat.search.bench.jmh;

import com.expat.search.bench.load.LoadRequest;
import com.expat.search.bench.load.MixGenerator;
import com.expat.search.indexer.generate.InMemoryWorld;
import com.expat.search.indexer.generate.WorldSpec;
import com.expat.search.indexer.world.City;
import com.expat.search.indexer.world.MemberProfile;
import com.expat.search.query.cache.CacheKeys;
import com.expat.search.query.http.Json;
import com.expat.search.query.http.QueryParams;
import com.expat.search.query.members.CityRef;
import com.expat.search.query.members.LanguageLevel;
import com.expat.search.query.members.MemberItem;
import com.expat.search.query.members.MemberPage;
import com.expat.search.query.search.MemberSearchRequest;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the query service pays per request to look an answer up in its caches and to write it out,
 * with inputs drawn from a generated world (5,000 members, seed 42): member-search requests from
 * the load mix (Zipf cities and interests, free text from real names and occupations, viewers,
 * facets, paging), parsed by the service's own {@link MemberSearchRequest#parse}; pages of 20
 * members built from the world's profiles.
 *
 * <ul>
 *   <li>{@code l1Key_hashCode}: the record's {@code hashCode}, what the in-process Caffeine cache
 *       (L1) hashes on — the baseline;
 *   <li>{@code l2Key_cacheKeys}: {@link CacheKeys#of}, the shared-cache (Memcached, L2) key: the
 *       record's canonical text by reflection, then SHA-256, then Base64 — what a hit in L2 costs
 *       before any network;
 *   <li>{@code json_memberPage}: the API's JSON encoding ({@link Json}'s mapper) of a page.
 * </ul>
 *
 * <p>Run: {@code bin/expat-search bench jmh CacheKeyBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s} (about a
 * minute; the defaults below are as short). Compare {@code l2Key_cacheKeys} with
 * {@code l1Key_hashCode} to see what the L2 key adds per request, and with {@code json_memberPage}
 * to see whether key building matters next to encoding.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class CacheKeyBenchmark {
  private MemberSearchRequest[] requests;
  private MemberPage[] pages;
  private Json json;
  private int next;

  @Setup
  public void setUp() {
    InMemoryWorld world = InMemoryWorld.generate(new WorldSpec(5_000, 500, 42, Instant.parse("2026-06-01T00:00:00Z")));
    List<MemberSearchRequest> parsed = new ArrayList<>();
    for (LoadRequest request : new MixGenerator(world, 1).generate(4_000)) {
      if (request.endpoint().equals("member_search")) {
        parsed.add(MemberSearchRequest.parse(new QueryParams(queryOf(request.path()))));
      }
    }
    requests = parsed.toArray(MemberSearchRequest[]::new);
    pages = pagesOf(world).toArray(MemberPage[]::new);
    json = new Json();
  }

  static Map<String, List<String>> queryOf(String path) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    int at = path.indexOf('?');
    if (at < 0) {
      return params;
    }
    for (String pair : path.substring(at + 1).split("&")) {
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    return params;
  }

  static List<MemberPage> pagesOf(InMemoryWorld world) {
    Map<Long, City> cities = new HashMap<>();
    world.catalog().cities().forEach(city -> cities.put(city.id(), city));
    Map<Integer, String> slugs = new HashMap<>();
    world.catalog().interests().forEach(interest -> slugs.put(interest.id(), interest.slug()));
    List<MemberItem> items = new ArrayList<>();
    for (MemberProfile profile : world.memberProfiles()) {
      City city = cities.get(profile.member().cityId());
      items.add(new MemberItem(
          profile.member().id(),
          profile.member().displayName(),
          profile.member().headline(),
          profile.member().occupation(),
          new CityRef(profile.member().cityId(), city == null ? null : city.name(), city == null ? null : city.countryCode()),
          profile.member().originCountry(),
          profile.languages().stream().map(l -> new LanguageLevel(l.code(), l.level().sql())).toList(),
          profile.interestIds().stream().map(slugs::get).filter(java.util.Objects::nonNull).toList(),
          (profile.member().id() % 50) * 1.7,
          10.0 / (1 + profile.member().id() % 97),
          null));
    }
    List<MemberPage> pages = new ArrayList<>();
    for (int start = 0; start + 20 <= items.size() && pages.size() < 200; start += 20) {
      pages.add(new MemberPage(1000 + start, 1, 20, items.subList(start, start + 20), null));
    }
    return pages;
  }

  @Benchmark
  public int l1Key_hashCode() {
    return requests[next++ % requests.length].hashCode();
  }

  @Benchmark
  public String l2Key_cacheKeys() {
    return CacheKeys.of("members.search", requests[next++ % requests.length]);
  }

  @Benchmark
  public byte[] json_memberPage() throws JsonProcessingException {
    return json.mapper().writeValueAsBytes(pages[next++ % pages.length]);
  }
}
