package com.expat.search.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.StreamSupport;

/** Steps of the demo's features: plain HTTP calls and checks of what comes back. */
public class DemoSteps {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private RunningDemo demo;
  private HttpResponse<String> response;
  private JsonNode body;
  private String searchedText;
  private JsonNode member;

  @Given("the demo is running")
  public void theDemoIsRunning() {
    demo = RunningDemo.get();
  }

  @When("I call {string}")
  public void iCall(String pathAndQuery) {
    call(pathAndQuery, null);
  }

  @When("I call {string} with request id {string}")
  public void iCallWithRequestId(String pathAndQuery, String requestId) {
    call(pathAndQuery, requestId);
  }

  @When("I search members for the text {string}")
  public void iSearchMembersForTheText(String text) {
    searchedText = text;
    call("/v1/members/search?size=1&q=" + encode(text), null);
  }

  @Given("a member who lives in Berlin")
  public void aMemberWhoLivesInBerlin() {
    call("/v1/members/search?city=2950159&size=1&sort=recent", null);
    assertThat(items()).as("members in Berlin").isNotEmpty();
    member = items().get(0);
  }

  @When("I ask for that member's matches")
  public void iAskForThatMembersMatches() {
    call("/v1/members/" + member.get("id").asLong() + "/matches?size=50", null);
  }

  @Then("the status is {int}")
  public void theStatusIs(int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
  }

  @Then("the answer is a page {int} of size {int} with at most {int} items")
  public void theAnswerIsAPage(int page, int size, int maxItems) {
    assertThat(body.get("page").asInt()).isEqualTo(page);
    assertThat(body.get("size").asInt()).isEqualTo(size);
    assertThat(body.get("total").asLong()).isGreaterThan(0);
    assertThat(items()).hasSizeLessThanOrEqualTo(maxItems);
  }

  @Then("every item has the member fields of the contract")
  public void everyItemHasTheMemberFields() {
    assertThat(items()).isNotEmpty();
    for (JsonNode item : items()) {
      assertThat(item.get("id").isIntegralNumber()).as("id of %s", item).isTrue();
      for (String field : List.of("display_name", "headline", "occupation", "city", "origin_country", "languages", "interests", "score")) {
        assertThat(item.has(field)).as("%s in %s", field, item).isTrue();
      }
      assertThat(item.get("languages").isArray()).isTrue();
      item.get("languages").forEach(l -> assertThat(l.has("code") && l.has("level")).as("%s", l).isTrue());
      assertThat(item.get("interests").isArray()).isTrue();
    }
  }

  @Then("there is at least {int} item")
  public void thereIsAtLeast(int count) {
    assertThat(items()).hasSizeGreaterThanOrEqualTo(count);
  }

  @Then("every item's {string} contains {string} ignoring accents and case")
  public void everyItemsFieldContains(String field, String text) {
    for (JsonNode item : items()) {
      assertThat(fold(item.get(field).asText())).as("%s", item.get(field)).contains(fold(text));
    }
  }

  @Then("every item is at most {int} km away")
  public void everyItemIsAtMostKmAway(int km) {
    for (JsonNode item : items()) {
      assertThat(item.get("distance_km").asDouble()).as("%s", item).isLessThanOrEqualTo(km + 0.01);
    }
  }

  @Then("every item speaks one of {string}")
  public void everyItemSpeaksOneOf(String codes) {
    Set<String> wanted = Set.of(codes.split(","));
    for (JsonNode item : items()) {
      assertThat(languages(item)).as("%s", item).containsAnyElementsOf(wanted);
    }
  }

  @Then("the {string} facet counts the total for value {string}")
  public void theFacetCountsTheTotal(String facet, String value) {
    JsonNode buckets = body.path("facets").path(facet);
    assertThat(buckets.isArray()).as("facets.%s in %s", facet, body).isTrue();
    JsonNode bucket =
        StreamSupport.stream(buckets.spliterator(), false)
            .filter(b -> b.get("value").asText().equals(value))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no bucket " + value + " in " + buckets));
    assertThat(bucket.get("count").asLong()).isEqualTo(body.get("total").asLong());
    assertThat(bucket.get("label").asText()).isNotBlank();
  }

  @Then("the {string} facet has at least {int} values")
  public void theFacetHasAtLeastValues(String facet, int count) {
    assertThat(body.path("facets").path(facet).size()).isGreaterThanOrEqualTo(count);
  }

  @Then("no item is that member")
  public void noItemIsThatMember() {
    assertThat(items()).noneMatch(item -> item.get("id").asLong() == member.get("id").asLong());
  }

  @Then("every item shares a language with that member")
  public void everyItemSharesALanguage() {
    Set<String> theirs = languages(member);
    for (JsonNode item : items()) {
      assertThat(languages(item)).as("%s vs %s", item, theirs).containsAnyElementsOf(theirs);
    }
  }

  @Then("the answer is a problem")
  public void theAnswerIsAProblem() {
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    for (String field : List.of("type", "title", "status", "detail")) {
      assertThat(body.has(field)).as("%s in %s", field, body).isTrue();
    }
    assertThat(body.get("status").asInt()).isEqualTo(response.statusCode());
  }

  @Then("the answer is a problem naming the parameter {string}")
  public void theAnswerIsAProblemNaming(String parameter) {
    theAnswerIsAProblem();
    List<String> names = body.path("invalid_params").findValuesAsText("name");
    assertThat(names).as("%s", body).contains(parameter);
  }

  @Then("there are no more items than for its plain words, and none when it has no words")
  public void noMoreThanItsPlainWords() {
    long total = body.get("total").asLong();
    String words = searchedText.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    if (words.isEmpty()) {
      assertThat(total).as("total for %s", searchedText).isZero();
    } else {
      call("/v1/members/search?size=1&q=" + encode(words), null);
      assertThat(total).as("total for %s vs %s", searchedText, words).isLessThanOrEqualTo(body.get("total").asLong());
    }
  }

  @Then("the header {string} is {string}")
  public void theHeaderIs(String name, String value) {
    assertThat(response.headers().firstValue(name)).as(name).hasValue(value);
  }

  private void call(String pathAndQuery, String requestId) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(demo.baseUri + pathAndQuery)).timeout(Duration.ofSeconds(10));
    if (requestId != null) {
      request.header("X-Request-Id", requestId);
    }
    try {
      response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError("calling " + pathAndQuery + ": " + e + "\n" + demo.tail(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    try {
      body = JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON from " + pathAndQuery + ": " + response.body(), e);
    }
  }

  private List<JsonNode> items() {
    assertThat(body.path("items").isArray()).as("items in %s", body).isTrue();
    return StreamSupport.stream(body.get("items").spliterator(), false).toList();
  }

  private static Set<String> languages(JsonNode item) {
    Set<String> codes = new HashSet<>();
    item.path("languages").forEach(l -> codes.add(l.get("code").asText()));
    return codes;
  }

  private static String fold(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFD)
        .replaceAll("\\p{M}+", "")
        .toLowerCase(Locale.ROOT);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
