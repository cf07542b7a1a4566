package com.expat.search.query.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.expat.search.query.http.InvalidParam;
import com.expat.search.query.http.ProblemException;
import com.expat.search.query.http.QueryParams;
import com.expat.search.query.ranking.WeightsParam.Features;
import com.expat.search.ranking.EventFeature;
import com.expat.search.ranking.MemberFeature;
import com.expat.search.ranking.RankingProfile;
import com.expat.search.ranking.RankingProfiles;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class WeightsParamTest {

  private static CustomWeights read(String weights, Features features, boolean allowed) {
    QueryParams params = new QueryParams(Map.of("weights", List.of(weights)));
    CustomWeights result = WeightsParam.read(params, features, allowed);
    params.throwIfInvalid();
    return result;
  }

  private static InvalidParam rejected(String weights, Features features, boolean allowed) {
    ProblemException problem = catchThrowableOfType(ProblemException.class, () -> read(weights, features, allowed));
    assertThat(problem).as(weights).isNotNull();
    assertThat(problem.invalidParams()).hasSize(1);
    return problem.invalidParams().get(0);
  }

  @Test
  void pairsBecomeWeightsByFeatureSorted() {
    CustomWeights weights = read(" distance:3, text:0.5 ,newness:0", Features.MEMBERS, true);

    assertThat(weights.byFeature()).containsExactly(Map.entry("distance", 3.0), Map.entry("newness", 0.0),
        Map.entry("text", 0.5));
  }

  @Test
  void absentParameterIsNoCustomWeightsEvenWhenOff() {
    QueryParams params = new QueryParams(Map.of());
    assertThat(WeightsParam.read(params, Features.MEMBERS, false)).isEqualTo(CustomWeights.NONE);
    assertThat(params.isValid()).isTrue();
  }

  @Test
  void weightsAreRefusedWhenTheServiceDoesNotAcceptThem() {
    InvalidParam problem = rejected("distance:3", Features.MEMBERS, false);

    assertThat(problem.name()).isEqualTo("weights");
    assertThat(problem.reason()).contains("RANKING_OVERRIDES");
  }

  @Test
  void unknownFeatureIsRefusedListingTheKnownOnes() {
    InvalidParam problem = rejected("distance:1,charm:2", Features.MEMBERS, true);

    assertThat(problem.name()).isEqualTo("weights");
    assertThat(problem.reason()).contains("'charm'").contains("shared_interests");
  }

  @Test
  void featuresAreThoseOfTheEndpoint() {
    assertThat(rejected("starts_soon:1", Features.MEMBERS, true).reason()).contains("unknown feature 'starts_soon'");
    assertThat(rejected("shared_interests:1", Features.EVENTS, true).reason()).contains("unknown feature");
    assertThat(read("starts_soon:1", Features.EVENTS, true).byFeature()).containsEntry("starts_soon", 1.0);
  }

  @Test
  void valuesOutsideZeroToAHundredOrNotPlainNumbersAreRefused() {
    for (String value : List.of("-1", "100.5", "101", "NaN", "Infinity", "1e2", "0x10", "", "abc", "1d", " ")) {
      InvalidParam problem = rejected("distance:" + value, Features.MEMBERS, true);
      assertThat(problem.name()).as(value).isEqualTo("weights");
      assertThat(problem.reason()).as(value).contains("from 0 to 100");
    }
    assertThat(read("distance:100,text:0,newness:.5", Features.MEMBERS, true).byFeature())
        .containsEntry("distance", 100.0).containsEntry("newness", 0.5);
  }

  @Test
  void malformedPairsAndRepeatsAreRefused() {
    assertThat(rejected("distance", Features.MEMBERS, true).reason()).contains("feature:value");
    assertThat(rejected("distance:1,,text:1", Features.MEMBERS, true).reason()).contains("feature:value");
    assertThat(rejected("distance:1,distance:2", Features.MEMBERS, true).reason()).contains("more than once");
  }

  @Test
  void theSameWeightsWrittenDifferentlyAreEqualRequests() {
    assertThat(read("text:1.50,distance:2", Features.MEMBERS, true))
        .isEqualTo(read("distance:2.0, text:1.5", Features.MEMBERS, true));
  }

  @Test
  void customWeightsChangeOnlyTheirFeaturesOfTheProfile() {
    RankingProfile base = RankingProfiles.load().defaultProfile();
    CustomWeights weights = new CustomWeights(new TreeMap<>(Map.of("distance", 9.0)));

    assertThat(weights.forMembers(base).members().weight(MemberFeature.DISTANCE)).isEqualTo(9.0);
    assertThat(weights.forMembers(base).events()).isEqualTo(base.events());
    assertThat(weights.forEvents(base).events().weight(EventFeature.DISTANCE)).isEqualTo(9.0);
    assertThat(CustomWeights.NONE.forMembers(base)).isSameAs(base);
  }
}
