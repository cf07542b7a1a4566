package com.expat.search.ranking.solr;

import static com.expat.search.ranking.World.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.expat.search.ranking.EventFeature;
import com.expat.search.ranking.MemberFeature;
import com.expat.search.ranking.Ranked;
import com.expat.search.ranking.Rankers;
import com.expat.search.ranking.RankingProfile;
import com.expat.search.ranking.World;
import com.expat.search.ranking.signals.Candidate;
import com.expat.search.ranking.signals.EventSignals;
import com.expat.search.ranking.signals.LanguageLevel;
import com.expat.search.ranking.signals.MemberSignals;
import com.expat.search.ranking.signals.Viewer;
import com.expat.search.vocabulary.EventFields;
import com.expat.search.vocabulary.MemberFields;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The Solr functions compute what the Java features compute: each prerank term, evaluated over a
 * document by {@link FunctionEvaluator}, equals the Java value (in double arithmetic to 1e-9; with
 * Solr's float rounding to 1e-5 relative, the documented tolerance).
 */
class SolrAgreementTest {
  private static final double DOUBLE_TOLERANCE = 1e-9;
  private static final double FLOAT_RELATIVE_TOLERANCE = 1e-5;

  @Test
  void memberFunctionsAgreeWithJavaFeatures() {
    SplittableRandom random = new SplittableRandom(31);
    for (String name : World.profiles().names()) {
      RankingProfile profile = World.profiles().profile(name);
      for (int i = 0; i < 300; i++) {
        Viewer viewer = World.randomViewer(random);
        MemberSignals member = World.randomMember(2, random).build();
        Ranked<MemberSignals> ranked = Rankers.matches()
            .rank(viewer, List.of(Candidate.of(member)), profile, World.CORPUS, NOW).get(0);
        SolrPrerank prerank = SolrRanking.members(viewer, profile, World.CORPUS, NOW);
        Map<String, Object> doc = memberDoc(member);
        double expectedSum = 0;
        for (SolrTerm term : prerank.terms()) {
          double java = ranked.value((MemberFeature) term.feature());
          expectedSum += term.weight() * java;
          assertAgree(term.function(), doc, java);
        }
        assertAgree(prerank.function(), doc, expectedSum);
      }
    }
  }

  @Test
  void eventFunctionsAgreeWithJavaFeatures() {
    SplittableRandom random = new SplittableRandom(32);
    for (String name : World.profiles().names()) {
      RankingProfile profile = World.profiles().profile(name);
      for (int i = 0; i < 300; i++) {
        Viewer viewer = World.randomViewer(random);
        EventSignals event = World.randomEvent(3, random).build();
        Ranked<EventSignals> ranked = Rankers.events()
            .rank(viewer, List.of(Candidate.of(event)), profile, World.CORPUS, NOW).get(0);
        SolrPrerank prerank = SolrRanking.events(viewer, profile, World.CORPUS, NOW);
        Map<String, Object> doc = eventDoc(event);
        double expectedSum = 0;
        for (SolrTerm term : prerank.terms()) {
          double java = ranked.value((EventFeature) term.feature());
          expectedSum += term.weight() * java;
          assertAgree(term.function(), doc, java);
        }
        assertAgree(prerank.function(), doc, expectedSum);
      }
    }
  }

  @Test
  void onlySolrComputableFeaturesWithWeightAreInThePrerank() {
    SolrPrerank prerank = SolrRanking.members(World.randomViewer(new SplittableRandom(33)),
        World.defaultProfile(), World.CORPUS, NOW);
    assertThat(prerank.terms()).allSatisfy(term -> {
      assertThat(term.feature().solrComputable()).isTrue();
      assertThat(term.weight()).isPositive();
    });
    assertThat(prerank.params()).containsEntry("NOW", Long.toString(NOW.toEpochMilli()));
    assertThat(prerank.fields()).contains("language_levels", "interests", "location");
  }

  @Test
  void theNativeFormAlsoWeighsLanguagesOverEveryLevelAMemberCouldHold() {
    Viewer viewer = Viewer.of(World.member(1).speaksOnly("de", LanguageLevel.NATIVE)
        .speaks("en", LanguageLevel.BASIC).build(), null);
    SolrPrerank prerank = SolrRanking.members(viewer, World.defaultProfile(), World.CORPUS, NOW);
    assertThat(prerank.terms()).extracting(SolrTerm::feature).doesNotContain(MemberFeature.SHARED_LANGUAGES);
    assertThat(prerank.nativeOnly()).singleElement().satisfies(term -> {
      assertThat(term.feature()).isEqualTo(MemberFeature.SHARED_LANGUAGES);
      assertThat(term.weight()).isEqualTo(1.0);
      // default levels: native 0.95, fluent 0.85, intermediate 0.5, basic 0.25
      assertThat(term.function()).isEqualTo("expat_language_fit("
          + "'de:native',0.9025,'de:fluent',0.8075,'de:intermediate',0.475,'de:basic',0.2375,"
          + "'en:native',0.2375,'en:fluent',0.2125,'en:intermediate',0.125,'en:basic',0.0625)");
    });
    assertThat(prerank.nativeFunction()).hasValueSatisfying(function -> {
      assertThat(function).startsWith("sum(" + SolrRanking.MEMBER_PRERANK_FUNCTION + "(");
      assertThat(function).endsWith(",mul(1," + prerank.nativeOnly().get(0).function() + "))");
    });
  }

  @Test
  void aViewerWithoutLanguagesGetsTheMembersPrerankAlone() {
    SolrPrerank prerank = SolrRanking.members(Viewer.anonymous(null), World.defaultProfile(), World.CORPUS, NOW);
    assertThat(prerank.nativeOnly()).isEmpty();
    assertThat(prerank.nativeFunction()).hasValueSatisfying(function ->
        assertThat(function).startsWith(SolrRanking.MEMBER_PRERANK_FUNCTION + "("));
  }

  @Test
  void anonymousViewerWithoutPlaceGetsOnlyViewerIndependentTerms() {
    SolrPrerank prerank = SolrRanking.members(Viewer.anonymous(null), World.defaultProfile(), World.CORPUS, NOW);
    assertThat(prerank.terms()).extracting(term -> term.feature().id())
        .containsExactly("recent_activity", "newness", "profile_quality");
  }

  @Test
  void missingDocumentValuesCountAsTheJavaUnknowns() {
    Viewer viewer = Viewer.of(World.member(1).likes("hiking").build(), null);
    SolrPrerank prerank = SolrRanking.members(viewer, World.defaultProfile(), World.CORPUS, NOW);
    // a document with no fields at all: no location, no dates, no quality
    assertThat(new FunctionEvaluator(Map.of(), NOW, false).evaluate(prerank.function())).isCloseTo(0, within(1e-12));
  }

  private static void assertAgree(String function, Map<String, Object> doc, double java) {
    double exact = new FunctionEvaluator(doc, NOW, false).evaluate(function);
    assertThat(exact).as(function).isCloseTo(java, within(DOUBLE_TOLERANCE));
    double asSolr = new FunctionEvaluator(doc, NOW, true).evaluate(function);
    assertThat(asSolr).as(function).isCloseTo(java, within(FLOAT_RELATIVE_TOLERANCE * Math.max(1, Math.abs(java))));
  }

  static Map<String, Object> memberDoc(MemberSignals member) {
    Map<String, Object> doc = new HashMap<>();
    doc.put("id", Long.toString(member.id()));
    if (member.location() != null) {
      doc.put(MemberFields.LOCATION, member.location());
    }
    doc.put(MemberFields.INTERESTS, List.copyOf(member.interests()));
    doc.put("languages", List.copyOf(member.languages().keySet()));
    doc.put(MemberFields.LAST_ACTIVE_AT, member.lastActiveAt());
    doc.put(MemberFields.CREATED_AT, member.createdAt());
    doc.put(MemberFields.PROFILE_QUALITY, member.profileQuality());
    return doc;
  }

  static Map<String, Object> eventDoc(EventSignals event) {
    Map<String, Object> doc = new HashMap<>();
    doc.put("id", Long.toString(event.id()));
    if (event.location() != null) {
      doc.put(EventFields.LOCATION, event.location());
    }
    doc.put(EventFields.INTERESTS, List.copyOf(event.interests()));
    doc.put(EventFields.LANGUAGE, event.language());
    doc.put(EventFields.STARTS_AT, event.startsAt());
    doc.put(EventFields.ENDS_AT, event.endsAt());
    doc.put(EventFields.ATTENDEE_COUNT, event.attendeeCount());
    if (event.capacity() != null) {
      doc.put(EventFields.CAPACITY, event.capacity());
    }
    return doc;
  }
}
