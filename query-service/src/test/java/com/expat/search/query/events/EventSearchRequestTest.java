package com.expat.search.query.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.expat.search.query.http.ProblemException;
import com.expat.search.query.http.QueryParams;
import com.expat.search.query.ranking.CustomWeights;
import com.expat.search.query.ranking.ProfileParam;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventSearchRequestTest {

  static QueryParams params(String... pairs) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.computeIfAbsent(pairs[i], k -> new ArrayList<>()).add(pairs[i + 1]);
    }
    return new QueryParams(map);
  }

  private static List<String> rejected(Runnable parse) {
    try {
      parse.run();
    } catch (ProblemException e) {
      return e.invalidParams().stream().map(p -> p.name()).toList();
    }
    throw new AssertionError("no problem");
  }

  @Test
  void defaults() {
    EventSearchRequest request = EventSearchRequest.parse(params(), ProfileParam.shipped());
    assertThat(request.q()).isEmpty();
    assertThat(request.sort()).isEqualTo(EventSort.RELEVANCE);
    assertThat(request.page()).isEqualTo(1);
    assertThat(request.size()).isEqualTo(20);
    assertThat(request.facets()).isEmpty();
  }

  @Test
  void orderCaseAndRepeatsGiveEqualRequests() {
    assertThat(EventSearchRequest.parse(params("lang", "DE", "lang", "en", "interest", "Hiking", "sort", "DATE",
        "from", "2026-11-27", "facets", "language,city"), ProfileParam.shipped()))
        .isEqualTo(EventSearchRequest.parse(params("facets", "city,language", "from", "2026-11-27T00:00:00Z",
            "sort", "date", "interest", "hiking", "lang", "en,de"), ProfileParam.shipped()));
  }

  @Test
  void timesAreIsoInstantsOffsetsOrWholeDays() {
    assertThat(EventSearchRequest.parse(params("from", "2026-11-27T10:00:00+01:00"), ProfileParam.shipped()).from())
        .contains(Instant.parse("2026-11-27T09:00:00Z"));
    assertThat(EventSearchRequest.parse(params("to", "2026-11-27"), ProfileParam.shipped()).to())
        .contains(Instant.parse("2026-11-27T23:59:59.999Z"));
  }

  @Test
  void everyBadParameterIsNamed() {
    assertThat(rejected(() -> EventSearchRequest.parse(params("from", "soon", "sort", "price", "size", "0",
        "near", "1,2", "city", "3", "facets", "origin"), ProfileParam.shipped())))
        .containsExactlyInAnyOrder("from", "sort", "size", "near", "facets");
    assertThat(rejected(() -> EventSearchRequest.parse(params("from", "2026-12-02", "to", "2026-12-01"), ProfileParam.shipped())))
        .containsExactly("to");
  }

  @Test
  void memberEventsValidatesDaysAndTheId() {
    assertThat(MemberEventsRequest.parse("7", params(), ProfileParam.shipped())).isEqualTo(new MemberEventsRequest(7, 30, 100, 1, 20, false, "default", CustomWeights.NONE, "en"));
    assertThat(rejected(() -> MemberEventsRequest.parse("7", params("days", "366"), ProfileParam.shipped()))).containsExactly("days");
    assertThat(rejected(() -> MemberEventsRequest.parse("-1", params("days", "0"), ProfileParam.shipped()))).containsExactly("id", "days");
    assertThatThrownBy(() -> MemberEventsRequest.parse("7", params("days", "x"), ProfileParam.shipped())).isInstanceOf(ProblemException.class);
  }
}
