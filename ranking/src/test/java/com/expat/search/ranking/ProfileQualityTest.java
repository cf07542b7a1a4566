package com.expat.search.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ProfileQualityTest {

  @Test
  void emptyProfileScoresZero() {
    assertThat(ProfileQuality.of(false, null, null)).isZero();
    assertThat(ProfileQuality.of(false, "  ", "")).isZero();
  }

  @Test
  void completeProfileScoresOne() {
    assertThat(ProfileQuality.of(true, "Engineer in Berlin", "x".repeat(500)))
        .isCloseTo(1.0, within(1e-9));
  }

  @Test
  void photoCountsMoreThanHeadline() {
    assertThat(ProfileQuality.of(true, null, null))
        .isGreaterThan(ProfileQuality.of(false, "A headline", null));
  }

  @Test
  void longerBioNeverScoresLower() {
    double previous = -1;
    for (int length = 0; length <= 400; length += 20) {
      double score = ProfileQuality.of(false, null, "é".repeat(length));
      assertThat(score).isGreaterThanOrEqualTo(previous);
      previous = score;
    }
  }

  @Test
  void bioLengthCountsCharactersNotBytesOrSurrogates() {
    String emoji = "😀".repeat(ProfileQuality.SUBSTANTIAL_BIO_CHARS);
    assertThat(ProfileQuality.of(false, null, emoji)).isCloseTo(ProfileQuality.BIO, within(1e-9));
  }
}
