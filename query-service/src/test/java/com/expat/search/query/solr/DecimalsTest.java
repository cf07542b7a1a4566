package com.expat.search.query.solr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DecimalsTest {
  @Test
  void pointsAndRadiiAreWrittenAsStringFormatWroteThem() {
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < 200_000; i++) {
      // latitudes, longitudes (both signs), radii, and values on a rounding boundary
      double value = switch (i % 4) {
        case 0 -> random.nextDouble(-90, 90);
        case 1 -> random.nextDouble(-180, 180);
        case 2 -> random.nextInt(-2_000_000, 2_000_000) / 2e4 + 5e-7;
        default -> Math.pow(10, random.nextDouble(-9, 6)) * (random.nextBoolean() ? 1 : -1);
      };
      for (int digits : new int[] {1, 3, 6}) {
        assertThat(Decimals.fixed(value, digits)).as("%s %d", value, digits)
            .isEqualTo(String.format(Locale.ROOT, "%." + digits + "f", value));
      }
    }
  }

  @Test
  void edgesAreWrittenAsStringFormatWroteThem() {
    for (double value : new double[] {0, -0.0, -1e-9, 1e-9, 0.0000005, -0.0000005, 0.15, 2.5, -2.5, 1e20, -1e-300,
        Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
      for (int digits = 0; digits <= 9; digits++) {
        assertThat(Decimals.fixed(value, digits)).as("%s %d", value, digits)
            .isEqualTo(String.format(Locale.ROOT, "%." + digits + "f", value));
      }
    }
  }

  @Test
  void digitsOutsideTheRange_throwNamingThem() {
    assertThatThrownBy(() -> Decimals.fixed(1, 10)).hasMessageContaining("was 10");
  }
}
