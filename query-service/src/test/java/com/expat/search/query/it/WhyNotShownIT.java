package com.expat.search.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.common.solr.IndexNames;
import com.expat.search.testing.solr.SolrCores;
import com.expat.search.testing.solr.SolrExtension;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The debug endpoint that says which rule keeps a member out of a viewer's matches (World's cast). */
@ExtendWith(SolrExtension.class)
class WhyNotShownIT {
  private static Api debug;
  private static Api plain;

  @BeforeAll
  static void start(SolrCores solr) throws Exception {
    World.index(solr);
    IndexNames cores = new IndexNames(solr.members(), solr.events(), solr.catalog());
    debug = Api.start(Api.config(solr.baseUrl(), cores, Duration.ZERO).withDebugEndpoints(true).withRankWindow(20));
    plain = Api.start(solr.baseUrl(), cores, Duration.ZERO);
  }

  @AfterAll
  static void stop() {
    if (debug != null) {
      debug.close();
    }
    if (plain != null) {
      plain.close();
    }
  }

  private static JsonNode why(long viewer, long member) {
    Api.Response response = debug.get("/debug/members/" + viewer + "/matches/why-not/" + member);
    assertThat(response.status()).isEqualTo(200);
    return response.body();
  }

  /** The rules that keep the member out, by name. */
  private static List<String> excludedBy(long viewer, long member) {
    List<String> rules = new ArrayList<>();
    why(viewer, member).path("rules").forEach(rule -> {
      if (rule.path("excludes").asBoolean()) {
        rules.add(rule.path("rule").asText());
      }
    });
    return rules;
  }

  @Test
  void eachAbsentMemberIsKeptOutByTheRuleTheMatchesQueryApplies() {
    // Bob (5) is 27 km away, within the default 100 km: only the block keeps him out. Pierre (3)
    // shares English with Çağlar: only Paris's distance does.
    Map<Long, List<String>> expected = new TreeMap<>(Map.of(
        1L, List.of("self"),
        3L, List.of("outside_radius"),
        4L, List.of("hidden"),
        5L, List.of("blocked"),
        6L, List.of("blocked"),
        7L, List.of("contact"),
        8L, List.of("no_shared_language"),
        9L, List.of("outside_radius")));
    Map<Long, List<String>> actual = new TreeMap<>();
    expected.keySet().forEach(member -> actual.put(member, excludedBy(1, member)));
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void blockDetailSaysWhoseListHoldsIt() {
    String carla = why(1, 6).path("rules").findValues("detail").stream().map(JsonNode::asText)
        .filter(d -> d.startsWith("not blocked")).findFirst().orElseThrow();
    assertThat(carla).contains("this member's list holds a block with the viewer");
    String bob = why(1, 5).path("rules").findValues("detail").stream().map(JsonNode::asText)
        .filter(d -> d.startsWith("not blocked")).findFirst().orElseThrow();
    assertThat(bob).contains("both members' lists");
  }

  @Test
  void memberWhoIsAMatchIsNotKeptOut_andNamesItsWindowPlace() {
    JsonNode anna = why(1, 2);
    assertThat(anna.path("excluded").asBoolean()).isFalse();
    assertThat(anna.path("window_position").asInt()).isBetween(1, 2);
    assertThat(debug.get("/v1/members/1/matches").ids()).contains(2L);
  }

  @Test
  void candidatesPastTheWindowAreExplainedAsBeyondIt_andAreNotOnTheFirstPage() {
    // Pierre (3) has 25 French-speaking neighbours in Paris; the window holds 20 of them.
    List<Long> beyond = new ArrayList<>();
    for (long filler = 100; filler < 125; filler++) {
      JsonNode answer = why(3, filler);
      if (answer.path("verdict").asText().equals("beyond the window")) {
        beyond.add(filler);
      } else {
        assertThat(answer.path("window_position").asInt()).isBetween(1, 20);
      }
    }
    assertThat(beyond).hasSize(5);
    // The first page (20, the window's size) never shows them.
    assertThat(debug.get("/v1/members/3/matches").ids()).hasSize(20).doesNotContainAnyElementsOf(beyond);
  }

  @Test
  void unknownViewerIsNotFound_andAMissingMemberIsSaidToBeOutOfTheIndex() {
    assertThat(debug.get("/debug/members/424242/matches/why-not/2").status()).isEqualTo(404);
    assertThat(why(1, 424242).path("verdict").asText()).isEqualTo("not in the index");
  }

  @Test
  void withoutDebugEndpointsTheRouteDoesNotExist() {
    Api.Response response = plain.get("/debug/members/1/matches/why-not/2");
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.body().path("detail").asText()).startsWith("No endpoint");
  }
}
