package com.expat.search.solr.rank;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link MemberScorer.SetValues} keeps every key's value through its growth, as a map would. */
class SetValuesTest {
  @Test
  void everyKeyPutIsFoundWithItsValueAndNoOtherIs() {
    SplittableRandom random = new SplittableRandom(3);
    MemberScorer.SetValues values = new MemberScorer.SetValues();
    Map<Integer, Double> expected = new HashMap<>();
    for (int i = 0; i < 20_000; i++) {
      int key = random.nextInt(i % 2 == 0 ? 50_000 : 200);
      int slot = values.find(key);
      assertThat(values.has(slot)).as("key %d", key).isEqualTo(expected.containsKey(key));
      if (values.has(slot)) {
        assertThat(values.value(slot)).isEqualTo(expected.get(key));
      } else {
        double value = random.nextDouble();
        values.put(slot, key, value);
        expected.put(key, value);
      }
    }
    expected.forEach((key, value) -> assertThat(values.value(values.find(key))).isEqualTo(value));
    assertThat(values.has(values.find(60_000))).isFalse();
  }
}
