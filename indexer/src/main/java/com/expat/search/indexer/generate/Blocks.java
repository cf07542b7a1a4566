package com.expat.search.indexer.generate;

import java.time.Instant;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A few blocks (about 3 per 1,000 members), one direction per row, mostly between members of
 * the same city, never of oneself or of a contact. Emitted in (member_id, blocked_id) order.
 */
final class Blocks {
  static final double PER_MEMBER = 0.003;

  private Blocks() {}

  static void emit(long seed, Instant now, Population population, ContactGraph contacts, WorldSink sink) {
    int n = population.size;
    int wanted = (int) Math.ceil(n * PER_MEMBER);
    if (n < 2) {
      return;
    }
    long[] pairs = new long[wanted];
    int count = 0;
    for (int k = 0; k < wanted; k++) {
      SplittableRandom random = Seeds.random(seed, Seeds.BLOCKS, k);
      int blocker = random.nextInt(n);
      int blocked;
      int city = population.city[blocker];
      if (random.nextDouble() < 0.7 && population.cityPopulation(city) > 1) {
        blocked = population.cityMember(city, random.nextInt(population.cityPopulation(city)));
      } else {
        blocked = random.nextInt(n);
      }
      if (blocked != blocker && !contacts.connected(blocker, blocked)) {
        pairs[count++] = ((long) blocker << 32) | blocked;
      }
    }
    Arrays.sort(pairs, 0, count);
    long previous = -1;
    for (int i = 0; i < count; i++) {
      if (pairs[i] == previous) {
        continue;
      }
      previous = pairs[i];
      int blocker = (int) (pairs[i] >>> 32);
      int blocked = (int) pairs[i];
      int later = Math.min(population.ageSeconds[blocker], population.ageSeconds[blocked]);
      double fraction = Seeds.fraction(seed ^ pairs[i]);
      Instant createdAt = now.minusSeconds((long) (Math.max(0, later - 1) * fraction));
      sink.block(blocker + 1L, blocked + 1L, createdAt);
    }
  }
}
