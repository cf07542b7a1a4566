package com.expat.search.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BootstrapTest {
  @Test
  void intervalSurroundsTheMean_andNarrowsWithMoreQueries() {
    double[] few = {0.2, 0.9, 0.4, 0.6, 0.1, 0.8};
    double[] many = new double[600];
    for (int i = 0; i < many.length; i++) {
      many[i] = few[i % few.length];
    }
    Bootstrap.Interval small = Bootstrap.mean95(few);
    Bootstrap.Interval large = Bootstrap.mean95(many);

    assertThat(small.mean()).isCloseTo(0.5, within(1e-12));
    assertThat(small.low()).isLessThan(0.5);
    assertThat(small.high()).isGreaterThan(0.5);
    assertThat(large.high() - large.low()).isLessThan((small.high() - small.low()) / 5);
  }

  @Test
  void constantValues_giveAPointInterval() {
    Bootstrap.Interval interval = Bootstrap.mean95(new double[] {0.3, 0.3, 0.3});
    assertThat(interval.low()).isEqualTo(0.3);
    assertThat(interval.high()).isEqualTo(0.3);
    assertThat(interval.excludesZero()).isTrue();
  }

  @Test
  void pairedDifferencesAroundZero_doNotExcludeZero() {
    assertThat(Bootstrap.mean95(new double[] {0.1, -0.1, 0.2, -0.2, 0.05, -0.05}).excludesZero()).isFalse();
  }

  @Test
  void sameSeed_sameInterval() {
    double[] values = {0.1, 0.5, 0.9, 0.3};
    assertThat(Bootstrap.mean(values, 0.9, 500, 7)).isEqualTo(Bootstrap.mean(values, 0.9, 500, 7));
  }

  @Test
  void noValues_isNaN_andBadLevelIsRefused() {
    assertThat(Bootstrap.mean95(new double[0]).mean()).isNaN();
    assertThatThrownBy(() -> Bootstrap.mean(new double[] {1}, 1.5, 10, 1)).hasMessageContaining("level = 1.5");
  }
}
