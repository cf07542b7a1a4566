package com.expat.search.query.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.expat.search.query.http.InvalidParam;
import com.expat.search.query.http.ProblemException;
import com.expat.search.query.http.QueryParams;
import com.expat.search.query.members.GeoPoint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MemberSearchRequestTest {

  @Test
  void noParametersMeansEveryoneFirstPageOfTwentyByRelevance() {
    MemberSearchRequest request = parse(Map.of());
    assertThat(request.q()).isEmpty();
    assertThat(request.location()).isEmpty();
    assertThat(request.page()).isEqualTo(1);
    assertThat(request.size()).isEqualTo(20);
    assertThat(request.sort()).isEqualTo(SortOrder.RELEVANCE);
    assertThat(request.facets()).isEmpty();
    assertThat(request.explain()).isFalse();
  }

  @Test
  void equivalentRequestsAreEqualKeys() {
    MemberSearchRequest one = parse(ordered(
        "q", List.of("  anna\tberlin "), "lang", List.of("EN", "de", "en"), "origin", List.of("fr,it"),
        "interest", List.of("hiking", "Chess"), "page", List.of("1"), "facets", List.of("true")));
    MemberSearchRequest other = parse(ordered(
        "interest", List.of("chess,hiking"), "facets", List.of("origin,city,language,interest"),
        "origin", List.of("IT", "FR"), "lang", List.of("de", "en"), "q", List.of("anna berlin"),
        "size", List.of("20"), "sort", List.of("RELEVANCE")));
    assertThat(one).isEqualTo(other).hasSameHashCodeAs(other);
    assertThat(one.languages()).containsExactly("de", "en");
    assertThat(one.origins()).containsExactly("FR", "IT");
    assertThat(one.interests()).containsExactly("chess", "hiking");
  }

  @Test
  void differentPagesAreDifferentKeys() {
    assertThat(parse(Map.of("page", List.of("2")))).isNotEqualTo(parse(Map.of()));
  }

  @Test
  void nearDefaultsToFiftyKilometres() {
    MemberSearchRequest request = parse(Map.of("near", List.of("52.52, 13.405")));
    assertThat(request.location()).contains(new Location.Near(new GeoPoint(52.52, 13.405), 50));
  }

  @Test
  void cityWithoutRadiusMeansLivingInTheCity() {
    assertThat(parse(Map.of("city", List.of("2950159"))).location())
        .contains(new Location.InCity(2950159, Optional.empty()));
    assertThat(parse(Map.of("city", List.of("2950159"), "radius_km", List.of("10"))).location())
        .contains(new Location.InCity(2950159, Optional.of(10.0)));
  }

  @Test
  void facetsTakeTrueOrAList() {
    assertThat(parse(Map.of("facets", List.of("city,language"))).facets())
        .isEqualTo(Set.of(FacetField.CITY, FacetField.LANGUAGE));
    assertThat(parse(Map.of("facets", List.of("false"))).facets()).isEmpty();
  }

  @Test
  void everyBadParameterIsNamed() {
    ProblemException problem = reject(ordered(
        "size", List.of("0"), "page", List.of("51"), "lang", List.of("english"), "origin", List.of("1x"),
        "sort", List.of("popular"), "viewer", List.of("-3"), "city", List.of("0"), "explain", List.of("maybe"),
        "interest", List.of("a b"), "facets", List.of("colour")));
    assertThat(problem.status()).isEqualTo(400);
    assertThat(problem.invalidParams()).extracting(InvalidParam::name)
        .containsExactlyInAnyOrder("size", "page", "lang", "origin", "sort", "viewer", "city", "explain",
            "interest", "facets");
  }

  @Test
  void outOfRangeNumbersAreRejected() {
    assertThat(names(reject(Map.of("size", List.of("101"))))).containsExactly("size");
    assertThat(names(reject(Map.of("size", List.of("1e3"))))).containsExactly("size");
    assertThat(names(reject(Map.of("page", List.of("0"))))).containsExactly("page");
    assertThat(names(reject(Map.of("near", List.of("1,2"), "radius_km", List.of("0.5")))))
        .containsExactly("radius_km");
    assertThat(names(reject(Map.of("near", List.of("1,2"), "radius_km", List.of("1001")))))
        .containsExactly("radius_km");
    assertThat(names(reject(Map.of("near", List.of("1,2"), "radius_km", List.of("NaN")))))
        .containsExactly("radius_km");
  }

  @Test
  void malformedNearIsRejected() {
    for (String near : List.of("52.5", "91,0", "0,181", "a,b", "1,2,3", "")) {
      if (near.isEmpty()) {
        continue;
      }
      assertThat(names(reject(Map.of("near", List.of(near))))).as(near).containsExactly("near");
    }
  }

  @Test
  void cityAndNearTogetherAreRejected() {
    assertThat(names(reject(Map.of("city", List.of("1"), "near", List.of("1,2"))))).containsExactly("near");
  }

  @Test
  void radiusWithoutALocationIsRejected() {
    assertThat(names(reject(Map.of("radius_km", List.of("10"))))).containsExactly("radius_km");
  }

  @Test
  void distanceSortNeedsSomewhereToMeasureFrom() {
    assertThat(names(reject(Map.of("sort", List.of("distance"))))).containsExactly("sort");
    assertThat(parse(Map.of("sort", List.of("distance"), "viewer", List.of("7"))).sort())
        .isEqualTo(SortOrder.DISTANCE);
  }

  @Test
  void queryTextOverAThousandCharactersIsRejected() {
    assertThat(names(reject(Map.of("q", List.of("x".repeat(1001)))))).containsExactly("q");
    assertThat(parse(Map.of("q", List.of("x".repeat(1000)))).q()).hasSize(1000);
  }

  @Test
  void aParameterGivenTwiceIsRejectedUnlessRepeatable() {
    assertThat(names(reject(Map.of("size", List.of("1", "2"))))).containsExactly("size");
  }

  private static MemberSearchRequest parse(Map<String, List<String>> params) {
    return MemberSearchRequest.parse(new QueryParams(params));
  }

  private static ProblemException reject(Map<String, List<String>> params) {
    return catchThrowableOfType(ProblemException.class, () -> parse(params));
  }

  private static List<String> names(ProblemException problem) {
    assertThat(problem).isNotNull();
    return problem.invalidParams().stream().map(InvalidParam::name).toList();
  }

  private static Map<String, List<String>> ordered(Object... pairs) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      @SuppressWarnings("unchecked")
      List<String> values = (List<String>) pairs[i + 1];
      map.put((String) pairs[i], values);
    }
    return map;
  }
}
