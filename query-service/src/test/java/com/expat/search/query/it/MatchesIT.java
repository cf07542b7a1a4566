package com.expat.search.query.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.expat.search.common.solr.IndexNames;
import com.expat.search.testing.solr.SolrCores;
import com.expat.search.testing.solr.SolrExtension;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SolrExtension.class)
class MatchesIT {
  private static Api api;

  @BeforeAll
  static void start(SolrCores solr) throws Exception {
    World.index(solr);
    api = Api.start(solr.baseUrl(), new IndexNames(solr.members(), solr.events(), solr.catalog()),
        Duration.ofSeconds(60));
  }

  @AfterAll
  static void stop() {
    if (api != null) {
      api.close();
    }
  }

  @Test
  void matchesAreNearbySharingALanguageNeverSelfContactsOrBlocked() {
    Api.Response response = api.get("/v1/members/1/matches");
    assertThat(response.status()).isEqualTo(200);
    // 5 blocked both ways, 6 blocks on her side, 7 a contact, 8 no shared language, 4 not
    // searchable, 3 and 9 too far.
    assertThat(response.ids()).containsExactlyInAnyOrder(2L, 10L);
    assertThat(response.total()).isEqualTo(2);
  }

  @Test
  void radiusNarrowsTheMatches() {
    assertThat(api.get("/v1/members/1/matches", "radius_km", "10").ids()).containsExactly(2L);
  }

  @Test
  void sharedInterestsAndDistanceRankFirst() {
    // Anna: Berlin, hiking shared. Gina: Potsdam, chess shared, but far less active.
    assertThat(api.get("/v1/members/1/matches").ids()).containsExactly(2L, 10L);
  }

  @Test
  void explainSumsToTheScoreAndNamesTheFeatures() {
    Api.Response response = api.get("/v1/members/1/matches", "explain", "true");
    for (JsonNode item : response.body().path("items")) {
      double sum = 0;
      for (JsonNode value : item.path("explain")) {
        sum += value.asDouble();
      }
      assertThat(sum).isCloseTo(item.path("score").asDouble(), within(1e-6));
      assertThat(item.path("explain").has("shared_interests")).isTrue();
      assertThat(item.path("distance_km").isNumber()).isTrue();
    }
  }

  @Test
  void contactsOnTheirSideAreExcludedToo() {
    // Dan lists Çağlar as a contact: Çağlar never appears in Dan's matches.
    assertThat(api.get("/v1/members/7/matches").ids()).doesNotContain(1L, 7L);
  }

  @Test
  void nonSearchableMemberGetsMatchesButIsNeverOne() {
    Api.Response response = api.get("/v1/members/4/matches");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.ids()).doesNotContain(4L).contains(2L);
    assertThat(api.get("/v1/members/2/matches").ids()).doesNotContain(4L);
  }

  @Test
  void unknownMemberIsNotFound() {
    Api.Response response = api.get("/v1/members/424242/matches");
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
  }

  @Test
  void badIdIsABadRequest() {
    Api.Response response = api.get("/v1/members/abc/matches");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body().path("invalid_params").get(0).path("name").asText()).isEqualTo("id");
  }

  @Test
  void readinessSeesTheCoresAndWaitsForTheCatalogsFirstReading() throws InterruptedException {
    // The first reading of the catalog starts with the service and runs apart from requests.
    Api.Response ready = api.get("/health/ready");
    for (long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        ready.status() != 200 && System.nanoTime() < until; ready = api.get("/health/ready")) {
      assertThat(ready.body().path("conditions").path("catalog_read").asText()).isEqualTo("not yet");
      Thread.sleep(100);
    }
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.body().path("conditions").path("catalog_read").asText()).isEqualTo("yes");
  }
}
