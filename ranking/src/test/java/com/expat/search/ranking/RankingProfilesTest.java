package com.expat.search.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RankingProfilesTest {

  @Test
  void shippedProfilesLoadWithDefaultAndAlternatives() {
    RankingProfiles profiles = RankingProfiles.load();
    assertThat(profiles.names()).containsExactly("default", "interests-first", "local-first");
    RankingProfile local = profiles.profile("local-first");
    assertThat(local.members().weight(MemberFeature.DISTANCE)).isEqualTo(3.0);
    assertThat(local.members().distanceScaleKm()).isEqualTo(10);
    // inherited from default
    assertThat(local.members().weight(MemberFeature.NEWNESS)).isEqualTo(0.5);
    assertThat(local.members().activityHalfLife()).isEqualTo(Duration.ofDays(14));
    assertThat(local.description()).startsWith("Neighbours first");
    assertThat(profiles.defaultProfile().name()).isEqualTo("default");
  }

  @Test
  void unknownProfileIsEmptyOrAnExceptionNamingTheKnownOnes() {
    RankingProfiles profiles = RankingProfiles.load();
    assertThat(profiles.find("nope")).isEmpty();
    assertThatThrownBy(() -> profiles.profile("nope"))
        .isInstanceOf(RankingException.class)
        .hasMessageContaining("'nope'")
        .hasMessageContaining("default, interests-first, local-first");
  }

  @Test
  void unknownFeatureIsRejectedNamingProfileAndFeature() {
    String json = shipped().replace("\"shared_languages\": 2.0", "\"shared_langs\": 2.0");
    assertThatThrownBy(() -> RankingProfiles.fromJson(json))
        .isInstanceOf(RankingException.class)
        .hasMessageContaining("'local-first'")
        .hasMessageContaining("'shared_langs'")
        .hasMessageContaining("members.weights");
  }

  @Test
  void negativeScaleIsRejectedNamingProfileAndParameter() {
    String json = shipped().replace("\"distance_scale_km\": 50", "\"distance_scale_km\": -50");
    assertThatThrownBy(() -> RankingProfiles.fromJson(json))
        .hasMessageContaining("'interests-first'")
        .hasMessageContaining("members.distance_scale_km")
        .hasMessageContaining("-50");
  }

  @Test
  void zeroHalfLifeIsRejected() {
    String json = shipped().replace("\"activity_half_life_days\": 14", "\"activity_half_life_days\": 0");
    assertThatThrownBy(() -> RankingProfiles.fromJson(json))
        .hasMessageContaining("'default'")
        .hasMessageContaining("members.activity_half_life_days must be positive");
  }

  @Test
  void missingWeightInTheBaseProfileIsRejected() {
    String json = shipped().replace("\"newness\": 0.5,", "");
    assertThatThrownBy(() -> RankingProfiles.fromJson(json))
        .hasMessageContaining("'default'")
        .hasMessageContaining("no weight for feature 'newness'");
  }

  @Test
  void negativeWeightIsRejected() {
    String json = shipped().replace("\"popularity\": 0.5", "\"popularity\": -0.5");
    assertThatThrownBy(() -> RankingProfiles.fromJson(json)).hasMessageContaining("events.weights.popularity");
  }

  @Test
  void unknownKeyIsRejected() {
    String json = shipped().replace("\"pool\": 3", "\"pool\": 3, \"poll\": 4");
    assertThatThrownBy(() -> RankingProfiles.fromJson(json)).hasMessageContaining("poll").hasMessageContaining("diversity");
  }

  @Test
  void missingDefaultProfileIsRejected() {
    String json = "{\"profiles\": {\"other\": " + section("default") + "}}";
    assertThatThrownBy(() -> RankingProfiles.fromJson(json)).hasMessageContaining("must define 'default'");
  }

  @Test
  void extendingAnUnknownProfileOrInACycleIsRejected() {
    assertThatThrownBy(() -> RankingProfiles.fromJson(shipped().replace("\"extends\": \"default\"", "\"extends\": \"dflt\"")))
        .hasMessageContaining("unknown profile 'dflt'");
    String cycle = "{\"profiles\": {\"default\": {\"extends\": \"a\"}, \"a\": {\"extends\": \"default\"}}}";
    assertThatThrownBy(() -> RankingProfiles.fromJson(cycle)).hasMessageContaining("cycle");
  }

  @Test
  void malformedOrDuplicatedJsonIsRejected() {
    assertThatThrownBy(() -> RankingProfiles.fromJson("{\"profiles\": ")).hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> RankingProfiles.fromJson("{\"profiles\": {}, \"profiles\": {}}"))
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void profilesLoadFromAFileForTuning(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("profiles.json");
    Files.writeString(file, shipped().replace("\"distance\": 1.5,\n          \"shared_interests\": 3.0", "\"distance\": 2.5,\n          \"shared_interests\": 3.0"));
    assertThat(RankingProfiles.load(file).defaultProfile().members().weight(MemberFeature.DISTANCE)).isEqualTo(2.5);
    assertThatThrownBy(() -> RankingProfiles.load(dir.resolve("absent.json"))).hasMessageContaining("absent.json");
  }

  private static String shipped() {
    try (var in = RankingProfiles.class.getResourceAsStream(RankingProfiles.RESOURCE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** The resolved JSON of a shipped profile's own object, without its name. */
  private static String section(String name) {
    String json = shipped();
    int start = json.indexOf("\"" + name + "\": {") + name.length() + 4;
    int depth = 0;
    for (int i = start; i < json.length(); i++) {
      char c = json.charAt(i);
      depth += c == '{' ? 1 : c == '}' ? -1 : 0;
      if (depth == 0) {
        return json.substring(start, i + 1);
      }
    }
    throw new AssertionError("no profile " + name);
  }
}
