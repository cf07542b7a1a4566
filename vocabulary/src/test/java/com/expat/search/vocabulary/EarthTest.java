package com.expat.search.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EarthTest {
  @Test
  void berlinToParisIsAbout878Km() {
    assertThat(Earth.distanceKm(52.52437, 13.41053, 48.85341, 2.3488)).isCloseTo(877.5, within(1.0));
  }

  @Test
  void aPointIsNoDistanceFromItself() {
    assertThat(Earth.distanceKm(-33.9, 151.2, -33.9, 151.2)).isZero();
  }

  @Test
  void antipodesAreHalfTheCircumferenceApart() {
    assertThat(Earth.distanceKm(0, 0, 0, 180)).isCloseTo(Math.PI * Earth.MEAN_RADIUS_KM, within(1e-9));
  }

  @Test
  void oneDegreeOfLatitudeIsTheRadiusTimesOneDegreeInRadians() {
    assertThat(Earth.distanceKm(10, 20, 11, 20)).isCloseTo(Earth.MEAN_RADIUS_KM * Math.toRadians(1), within(1e-9));
  }
}
