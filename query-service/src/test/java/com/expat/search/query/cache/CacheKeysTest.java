package com.expat.search.query.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.query.events.EventSearchRequest;
import com.expat.search.query.http.QueryParams;
import com.expat.search.query.ranking.ProfileParam;
import com.expat.search.query.search.MemberSearchRequest;
import com.expat.search.query.suggest.SuggestRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheKeysTest {

  private static QueryParams params(String... pairs) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
    }
    return new QueryParams(map);
  }

  @Test
  void orderDefaultsCaseAndRepeatsDoNotSplitKeys() {
    String a = CacheKeys.of("members-search", MemberSearchRequest.parse(
        params("q", " anna  müller ", "lang", "DE", "lang", "en", "facets", "language,city")));
    String b = CacheKeys.of("members-search", MemberSearchRequest.parse(
        params("facets", "city,language", "lang", "en,de,de", "q", "anna müller", "page", "1", "size", "20",
            "sort", "RELEVANCE")));
    assertThat(a).isEqualTo(b);
  }

  @Test
  void differentRequestsGetDifferentKeys() {
    String anna = CacheKeys.of("events-search", EventSearchRequest.parse(params("q", "anna"), ProfileParam.shipped()));
    assertThat(anna).isNotEqualTo(CacheKeys.of("events-search", EventSearchRequest.parse(params("q", "anna", "page", "2"), ProfileParam.shipped())));
    assertThat(anna).isNotEqualTo(CacheKeys.of("events-search", EventSearchRequest.parse(params("q", "anna", "viewer", "1"), ProfileParam.shipped())));
    assertThat(anna).isNotEqualTo(CacheKeys.of("events-search", EventSearchRequest.parse(params("q", "anna", "city", "1"), ProfileParam.shipped())));
    assertThat(anna).isNotEqualTo(CacheKeys.of("other", EventSearchRequest.parse(params("q", "anna"), ProfileParam.shipped())));
  }

  @Test
  void theRankingProfileSplitsKeysAndDefaultsToDefault() {
    String plain = CacheKeys.of("members-search", MemberSearchRequest.parse(params("q", "anna")));
    assertThat(plain).isEqualTo(CacheKeys.of("members-search", MemberSearchRequest.parse(params("q", "anna", "profile", "default"))));
    assertThat(plain).isNotEqualTo(CacheKeys.of("members-search", MemberSearchRequest.parse(params("q", "anna", "profile", "local-first"))));
  }

  @Test
  void keysAreShortVersionedAndSafeForMemcachedWhateverTheText() {
    String key = CacheKeys.of("suggest", SuggestRequest.parse(params("q", "ü ".repeat(40) + "\u0000\t")));
    assertThat(key).startsWith(CacheKeys.NAMESPACE + ":suggest:").matches("[\\x21-\\x7e]+");
    assertThat(key.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThan(250);
  }

  /**
   * Instances sharing Memcached must agree on keys: a different canonical text for the same
   * request is a new key space, so it goes with a new {@link CacheKeys#NAMESPACE}.
   */
  @Test
  void theCanonicalTextAndKeyOfARequestAreStableAcrossReleasesOfTheSameNamespace() {
    MemberSearchRequest request = MemberSearchRequest.parse(params("q", "Anna \"Mü\\ller\"", "near", "52.5,13.4",
        "lang", "en,de", "interest", "hiking", "origin", "fr", "viewer", "7", "sort", "distance",
        "facets", "origin,city,language", "page", "2", "size", "50", "explain", "true"));
    assertThat(CacheKeys.canonical(request)).isEqualTo(
        "MemberSearchRequest(q=\"Anna \\\"Mü\\\\ller\\\"\",location=Near(point=GeoPoint(latitude=52.5,longitude=13.4),"
            + "radiusKm=50.0),languages=[\"de\",\"en\"],interests=[\"hiking\"],origins=[\"FR\"],viewer=7,"
            + "sort=DISTANCE,facets={CITY,LANGUAGE,ORIGIN},page=2,size=50,explain=true,profile=\"default\",weights=CustomWeights(byFeature={}),locale=\"en\")");
    assertThat(CacheKeys.of("e", request)).isEqualTo("expat-search:v4:e:OIe4bFC-f5rx2vFU_9Krao-EUwRGxMur5yL6x-QstMY");
    assertThat(CacheKeys.of("e", SuggestRequest.parse(params("q", "mün", "types", "member,city", "viewer", "9"))))
        .isEqualTo("expat-search:v4:e:kfs1QcCFHyHdyPkrz3gXTqzgipRK52xnEReCewGaFpw");
  }

  private record Hidden(String name, java.util.Optional<Long> viewer) {}

  @Test
  void recordsOfNonPublicTypesAreWrittenLikeAnyOther() {
    assertThat(CacheKeys.canonical(new Hidden("a", java.util.Optional.of(3L)))).isEqualTo("Hidden(name=\"a\",viewer=3)");
  }

  @Test
  void setsAreCanonicalWhateverTheirIterationOrder() {
    assertThat(CacheKeys.canonical(java.util.Set.of("b", "a", "c")))
        .isEqualTo(CacheKeys.canonical(new java.util.TreeSet<>(List.of("c", "b", "a"))));
    assertThat(CacheKeys.canonical(java.util.Optional.empty())).isNotEqualTo(CacheKeys.canonical(java.util.Optional.of("")));
  }
}
