package com.expat.search.solr.rank;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PrerankWindowTest {
  private record Doc(int doc, float score, long lastActive, long id) {}

  private static final Comparator<Doc> SOLR_SORT = Comparator.comparing(Doc::score).reversed()
      .thenComparing(Comparator.comparingLong(Doc::lastActive).reversed()).thenComparingLong(Doc::id);

  @Test
  void keepsTheBestAsSolrsSortWouldWithTiesByActivityThenId_andGivesEachOnesScore() {
    SplittableRandom random = new SplittableRandom(5);
    for (int round = 0; round < 200; round++) {
      int size = random.nextInt(0, 40);
      PrerankWindow window = new PrerankWindow(size);
      List<Doc> docs = new ArrayList<>();
      for (int doc = 0, n = random.nextInt(0, 120); doc < n; doc++) {
        Doc d = new Doc(doc, random.nextInt(5) / 2f, random.nextInt(3), random.nextLong(1, 50));
        docs.add(d);
        window.offer(d.doc(), d.score(), d.lastActive(), d.id());
      }
      docs.sort(SOLR_SORT);
      List<Doc> best = docs.subList(0, Math.min(size, docs.size()));
      float[] scores = new float[size];
      int[] kept = window.bestFirst(scores);
      assertThat(kept).hasSize(best.size());
      for (int i = 0; i < kept.length; i++) {
        int doc = kept[i];
        Doc got = docs.stream().filter(d -> d.doc() == doc).findFirst().orElseThrow();
        assertThat(SOLR_SORT.compare(got, best.get(i))).as("round " + round + " rank " + i).isZero();
        assertThat(scores[i]).as("round " + round + " score of rank " + i).isEqualTo(got.score());
      }
    }
  }
}
