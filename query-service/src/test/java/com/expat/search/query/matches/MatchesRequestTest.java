package com.expat.search.query.matches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.expat.search.query.http.InvalidParam;
import com.expat.search.query.http.ProblemException;
import com.expat.search.query.http.QueryParams;
import com.expat.search.query.ranking.CustomWeights;
import com.expat.search.query.ranking.ProfileParam;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MatchesRequestTest {

  @Test
  void defaultsToAHundredKilometresFirstPageOfTwenty() {
    assertThat(MatchesRequest.parse("42", new QueryParams(Map.of()), ProfileParam.shipped()))
        .isEqualTo(new MatchesRequest(42, 100, 1, 20, false, "default", CustomWeights.NONE, "en"));
  }

  @Test
  void idMustBeAPositiveNumber() {
    for (String id : List.of("0", "-1", "abc", "1.5", "99999999999999999999")) {
      ProblemException problem = catchThrowableOfType(ProblemException.class,
          () -> MatchesRequest.parse(id, new QueryParams(Map.of()), ProfileParam.shipped()));
      assertThat(problem.invalidParams()).extracting(InvalidParam::name).as(id).containsExactly("id");
    }
  }

  @Test
  void radiusIsBetweenOneAndAThousandKilometres() {
    ProblemException problem = catchThrowableOfType(ProblemException.class,
        () -> MatchesRequest.parse("1", new QueryParams(Map.of("radius_km", List.of("5000"))), ProfileParam.shipped()));
    assertThat(problem.invalidParams()).extracting(InvalidParam::name).containsExactly("radius_km");
  }

  @Test
  void unknownProfileIsRejectedListingTheKnownOnes() {
    ProblemException problem = catchThrowableOfType(ProblemException.class,
        () -> MatchesRequest.parse("1", new QueryParams(Map.of("profile", List.of("nope"))), List.of("default", "b")));
    assertThat(problem.invalidParams()).containsExactly(new InvalidParam("profile", "must be one of b, default"));
  }

  @Test
  void profileIsPartOfTheRequest() {
    assertThat(MatchesRequest.parse("1", new QueryParams(Map.of("profile", List.of("local-first"))),
        ProfileParam.shipped()).profile()).isEqualTo("local-first");
  }
}
