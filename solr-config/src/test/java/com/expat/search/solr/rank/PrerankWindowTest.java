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
    keepsTheBest(new SplittableRandom(5), 200, 40, 120, 5, 3, 50, false);
  }

  @Test
  void offeredWithoutTieBreaks_keepsTheSameBest_readingThemOnlyWhereScoresTie() {
    keepsTheBest(new SplittableRandom(5), 200, 40, 120, 5, 3, 50, true);
    keepsTheBest(new SplittableRandom(9), 20, 400, 20_000, 700, 50, Long.MAX_VALUE, true);
    keepsTheBest(new SplittableRandom(11), 50, 300, 5_000, 3, 2, 10, true);
    List<Doc> docs = new ArrayList<>();
    for (int doc = 0; doc < 3_000; doc++) {
      docs.add(new Doc(doc, doc * 0.5f, 0, doc));
    }
    ReadCounting tieBreaks = new ReadCounting(docs, 1);
    PrerankWindow window = new PrerankWindow(30, tieBreaks);
    for (Doc d : docs) {
      window.offer(d.doc(), d.score());
    }
    assertThat(window.bestFirst()).hasSize(30).startsWith(2_999);
    assertThat(tieBreaks.orders + tieBreaks.reads).as("distinct scores need no tie-break").isZero();
  }

  @Test
  void tiesWithinOneSegmentCompareByItsTieOrder_readingNoActivityNorId() {
    SplittableRandom random = new SplittableRandom(17);
    List<Doc> docs = new ArrayList<>();
    for (int doc = 0; doc < 20_000; doc++) {
      // Three scores only: nearly every comparison meets a tie.
      docs.add(new Doc(doc, random.nextInt(3), random.nextInt(40), random.nextLong(1, 1_000_000)));
    }
    ReadCounting tieBreaks = new ReadCounting(docs, 1);
    PrerankWindow window = new PrerankWindow(300, tieBreaks);
    docs.forEach(d -> window.offer(d.doc(), d.score()));
    int[] kept = window.bestFirst();
    List<Doc> sorted = new ArrayList<>(docs);
    sorted.sort(SOLR_SORT.thenComparingInt(Doc::doc));
    assertThat(kept).containsExactly(sorted.subList(0, 300).stream().mapToInt(Doc::doc).toArray());
    assertThat(tieBreaks.orders).as("ties read each one's place").isPositive();
    assertThat(tieBreaks.reads).as("one segment: no activity or id read").isZero();
  }

  @Test
  void tiesAcrossSegmentsCompareByTheTieBreaksThemselves() {
    SplittableRandom random = new SplittableRandom(19);
    List<Doc> docs = new ArrayList<>();
    for (int doc = 0; doc < 5_000; doc++) {
      docs.add(new Doc(doc, random.nextInt(4), random.nextInt(30), random.nextLong(1, 500)));
    }
    ReadCounting tieBreaks = new ReadCounting(docs, 3);
    PrerankWindow window = new PrerankWindow(200, tieBreaks);
    docs.forEach(d -> window.offer(d.doc(), d.score()));
    int[] kept = window.bestFirst();
    List<Doc> sorted = new ArrayList<>(docs);
    sorted.sort(SOLR_SORT.thenComparingInt(Doc::doc));
    assertThat(kept).containsExactly(sorted.subList(0, 200).stream().mapToInt(Doc::doc).toArray());
    assertThat(tieBreaks.reads).as("ties between segments read the tie-breaks").isPositive();
  }

  /**
   * Tie-breaks of {@code docs} (doc = index) spread over {@code segments} segments (doc modulo the
   * count), each segment's order as {@link TieOrder} builds it from the columns; counts the reads.
   */
  private static final class ReadCounting implements PrerankWindow.TieBreaks {
    private final List<Doc> docs;
    private final int segments;
    private final int[] place;
    int reads;
    int orders;

    ReadCounting(List<Doc> docs, int segments) {
      this.docs = List.copyOf(docs);
      this.segments = segments;
      this.place = new int[docs.size()];
      for (int segment = 0; segment < segments; segment++) {
        List<Doc> of = new ArrayList<>();
        for (Doc d : docs) {
          if (d.doc() % segments == segment) {
            of.add(d);
          }
        }
        long[] lastActive = of.stream().mapToLong(Doc::lastActive).toArray();
        long[] id = of.stream().mapToLong(Doc::id).toArray();
        int[] order = TieOrder.of(lastActive, id);
        for (int local = 0; local < of.size(); local++) {
          place[of.get(local).doc()] = order[local];
        }
      }
    }

    @Override
    public long lastActive(int doc) {
      reads++;
      return docs.get(doc).lastActive();
    }

    @Override
    public long id(int doc) {
      reads++;
      return docs.get(doc).id();
    }

    @Override
    public long order(int doc) {
      orders++;
      return (long) (doc % segments) << 32 | place[doc];
    }
  }

  @Test
  void keepsTheBestOfManyMoreThanItHolds_cutAgainAndAgain() {
    // Distinct member ids, scores from a few hundred values: many ties on the score alone.
    keepsTheBest(new SplittableRandom(9), 20, 400, 20_000, 700, 50, Long.MAX_VALUE, false);
  }

  @Test
  void theFloorNeverExceedsTheScoreOfAnyDocumentTheWholeWindowKeeps() {
    SplittableRandom random = new SplittableRandom(3);
    PrerankWindow window = new PrerankWindow(30);
    List<Doc> docs = new ArrayList<>();
    List<Float> floors = new ArrayList<>();
    for (int doc = 0; doc < 3_000; doc++) {
      Doc d = new Doc(doc, (float) random.nextDouble(), 0, doc);
      floors.add(window.floor());
      docs.add(d);
      window.offer(d.doc(), d.score(), d.lastActive(), d.id());
    }
    docs.sort(SOLR_SORT);
    float worstKept = docs.get(29).score();
    assertThat(floors).allSatisfy(floor -> assertThat(floor).isLessThanOrEqualTo(worstKept));
    assertThat(floors.get(floors.size() - 1)).as("a floor once cut").isGreaterThan(Float.NEGATIVE_INFINITY);
  }

  private static void keepsTheBest(SplittableRandom random, int rounds, int maxSize, int maxDocs, int values,
      int activities, long ids, boolean lazy) {
    for (int round = 0; round < rounds; round++) {
      int size = random.nextInt(0, maxSize);
      List<Doc> docs = new ArrayList<>();
      for (int doc = 0, n = random.nextInt(0, maxDocs); doc < n; doc++) {
        docs.add(new Doc(doc, random.nextInt(values) / 2f, random.nextInt(activities),
            ids == Long.MAX_VALUE ? doc * 7919L % 1_000_003 : random.nextLong(1, ids)));
      }
      // Lazy windows read the tie-breaks from one or several segments.
      PrerankWindow window = !lazy ? new PrerankWindow(size)
          : new PrerankWindow(size, new ReadCounting(docs, 1 + round % 3));
      for (Doc d : docs) {
        if (lazy) {
          window.offer(d.doc(), d.score());
        } else {
          window.offer(d.doc(), d.score(), d.lastActive(), d.id());
        }
      }
      List<Doc> byDoc = List.copyOf(docs);
      docs.sort(SOLR_SORT);
      List<Doc> best = docs.subList(0, Math.min(size, docs.size()));
      float[] scores = new float[size];
      int[] kept = window.bestFirst(scores);
      assertThat(kept).hasSize(best.size());
      for (int i = 0; i < kept.length; i++) {
        int doc = kept[i];
        Doc got = byDoc.get(doc);
        assertThat(SOLR_SORT.compare(got, best.get(i))).as("round " + round + " rank " + i).isZero();
        assertThat(scores[i]).as("round " + round + " score of rank " + i).isEqualTo(got.score());
      }
    }
  }
}
