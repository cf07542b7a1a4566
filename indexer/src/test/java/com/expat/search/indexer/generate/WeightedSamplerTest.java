package com.expat.search.indexer.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WeightedSamplerTest {
  @Test
  void drawsInProportionToWeightAndNeverAZeroWeight() {
    WeightedSampler sampler = new WeightedSampler(new double[] {0, 1, 0, 3, 0});
    SplittableRandom random = new SplittableRandom(1);
    int[] counts = new int[5];
    for (int i = 0; i < 40_000; i++) {
      counts[sampler.sample(random)]++;
    }
    assertThat(counts[0] + counts[2] + counts[4]).isZero();
    assertThat((double) counts[3] / counts[1]).isBetween(2.8, 3.2);
  }

  @Test
  void zipfHeadIsHeavierThanTail() {
    WeightedSampler zipf = WeightedSampler.zipf(100, 1.0);
    assertThat(zipf.probability(0)).isEqualTo(10 * zipf.probability(9), org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void rejectsNegativeOrAllZeroWeights() {
    assertThatThrownBy(() -> new WeightedSampler(new double[] {1, -1})).hasMessageContaining("weight[1] = -1.0");
    assertThatThrownBy(() -> new WeightedSampler(new double[] {0, 0})).hasMessageContaining("sum to 0.0");
  }
}
