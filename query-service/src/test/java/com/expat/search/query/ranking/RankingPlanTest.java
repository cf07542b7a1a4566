package com.expat.search.query.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.expat.search.query.members.GeoPoint;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.junit.jupiter.api.Test;

class RankingPlanTest {
  private final MemberRanking ranking = MemberRankings.simple();
  private final RankingContext seeker = new RankingContext(
      Optional.of(new GeoPoint(52.5, 13.4)), OptionalLong.of(2950159), Set.of("de", "en"),
      Map.of("chess", 2.0, "hiking", 1.0));

  @Test
  void explainWithTextGivesTheRemainderToText() {
    RankingPlan plan = ranking.search(seeker);
    SolrDocument doc = new SolrDocument();
    doc.setField("rank_shared_languages", 0.3f);
    doc.setField("rank_recent_activity", 0.25f);
    Map<String, Double> explain = plan.explain(doc, 2.0, true);
    assertThat(explain).containsKeys("text", "shared_languages", "same_city", "proximity");
    assertThat(explain.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(2.0, within(1e-9));
    assertThat(explain.get("text")).isCloseTo(1.45, within(1e-6));
  }

  @Test
  void explainWithoutTextSumsExactlyToTheScore() {
    RankingPlan plan = ranking.matches(seeker);
    SolrDocument doc = new SolrDocument();
    doc.setField("rank_shared_interests", 2.0000001f);
    doc.setField("rank_proximity", 0.7f);
    double score = 2.0000001f + 0.7f;
    Map<String, Double> explain = plan.explain(doc, score, false);
    assertThat(explain).doesNotContainKey("text").containsKey("newness");
    assertThat(explain.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(score, within(1e-9));
  }

  @Test
  void weightsAreWrittenAsConstantScoreQueriesOverValidatedValues() {
    RankingPlan plan = ranking.matches(seeker);
    ModifiableSolrParams params = new ModifiableSolrParams();
    plan.applyAsScore(params);
    assertThat(params.get("q")).isEqualTo("{!func v=$rank_score}");
    assertThat(params.get("rank_score")).startsWith("sum(0,");
    assertThat(params.get("rank_shared_interests_0")).isEqualTo("interests:chess^=2");
    assertThat(params.get("rank_shared_interests_1")).isEqualTo("interests:hiking^=1");
    assertThat(params.getParams("fl")).anyMatch(fl -> fl.startsWith("rank_proximity:recip(geodist()"));
  }

  @Test
  void anonymousSearchHasNoPersonalFeatures() {
    RankingPlan plan = ranking.search(RankingContext.anonymous(Optional.empty()));
    assertThat(plan.features()).extracting(Feature::name).containsExactly("recent_activity", "profile_quality");
  }
}
