package com.expat.search.query.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HttpApiTest {
  @Test
  void theAccessLogWritesMillisecondsAsStringFormatDid() {
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < 200_000; i++) {
      // request times as Javalin reports them, from microseconds to minutes, and exact halves
      float millis = i % 4 == 0 ? (float) (random.nextInt(200_000) / 20.0) : (float) Math.pow(10, random.nextDouble(-3, 5));
      assertThat(HttpApi.oneDecimal(millis)).as("%s", millis).isEqualTo(String.format(Locale.ROOT, "%.1f", millis));
    }
    for (float millis : new float[] {0f, -0f, 0.05f, 0.15f, 0.25f, 1.15f, 2.45f, 9.95f, 99.95f, 1e-7f, 3.4e38f,
        Float.NaN, Float.POSITIVE_INFINITY}) {
      assertThat(HttpApi.oneDecimal(millis)).as("%s", millis).isEqualTo(String.format(Locale.ROOT, "%.1f", millis));
    }
  }
}
