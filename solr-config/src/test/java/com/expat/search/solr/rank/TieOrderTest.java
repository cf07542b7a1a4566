package com.expat.search.solr.rank;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TieOrderTest {
  @Test
  void placesTheNewestActivityFirst_thenTheLowerId_thenTheLowerDoc_missingActivityLast() {
    long missing = MemberColumns.MISSING;
    long[] lastActive = {5, 9, missing, 9, 5, 5, missing, 0};
    long[] id = {3, 7, 1, 7, 2, 3, 0, 4};
    // 1 and 3 (9, id 7), then 4 (5, id 2), 0 and 5 (5, id 3), 7 (0), then the missing: 6 (id 0), 2 (id 1)
    assertThat(TieOrder.of(lastActive, id)).containsExactly(3, 0, 7, 1, 2, 4, 6, 5);
  }

  @Test
  void ordersAsTheComparisonOfTheTieBreaksDoes_overManyTies() {
    SplittableRandom random = new SplittableRandom(31);
    int n = 50_000;
    long[] lastActive = new long[n];
    long[] id = new long[n];
    for (int doc = 0; doc < n; doc++) {
      lastActive[doc] = random.nextInt(20) == 0 ? MemberColumns.MISSING : random.nextInt(100);
      id[doc] = random.nextInt(5) == 0 ? 0 : random.nextLong(1, 2_000);
    }
    int[] place = TieOrder.of(lastActive, id);
    int[] byPlace = new int[n];
    for (int doc = 0; doc < n; doc++) {
      byPlace[place[doc]] = doc;
    }
    int[] expected = IntStream.range(0, n).boxed()
        .sorted(Comparator.<Integer>comparingLong(doc -> lastActive[doc]).reversed()
            .thenComparingLong(doc -> id[doc]).thenComparingInt(doc -> doc))
        .mapToInt(Integer::intValue).toArray();
    assertThat(byPlace).containsExactly(expected);
  }

  @Test
  void theColumnsBuildTheirSegmentsOrderOnce() {
    MemberColumns columns = TestSegment.columns();
    int[] order = columns.tieOrder();
    assertThat(order).isSameAs(columns.tieOrder()).isEqualTo(TieOrder.of(columns.lastActiveAt, columns.id));
    assertThat(IntStream.of(order).sorted().toArray()).isEqualTo(IntStream.range(0, columns.maxDoc).toArray());
  }
}
